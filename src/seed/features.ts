import type { SeededTenant, TableCounts } from './context.js';
import { seedTodos } from './features/todo.js';
import { seedUserActivityDaily } from './features/user-activity-daily.js';
import { seedWaitlist } from './features/waitlist.js';

/**
 * One step per table (src/seed/features/<table>.ts), so `pnpm db:remove features <table>` takes a table's step
 * and its line here, and leaves the others.
 */
export async function seedFeatures(tenants: SeededTenant[]): Promise<TableCounts> {
  const counts: TableCounts = {};
  counts.todos = await seedTodos(tenants);
  counts.user_activity_daily = await seedUserActivityDaily(tenants);
  counts.waitlist = await seedWaitlist();
  return counts;
}
