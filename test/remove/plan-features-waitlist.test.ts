// needs-table: waitlist
import { expect, it } from 'vitest';
import { planRemoval } from '../../scripts/remove/plan.js';
import { packageRoot } from '../../src/config/database-url.js';

// The plan for one table of `features` (the marker above makes `pnpm db:remove features waitlist` take this file).

it('one table: its files and its own seed step go, the domain step loses only its line', () => {
  const plan = planRemoval(packageRoot, 'features', 'waitlist');
  expect(plan.tables).toEqual(['waitlist']);
  expect(plan.wholeDomain).toBe(false);
  const deleted = plan.changes.filter((change) => change.after === null).map((change) => change.file);
  expect(deleted).toEqual(
    expect.arrayContaining([
      'src/schema/tables/features/waitlist.ts',
      'src/queries/features/waitlist.ts',
      'src/seed/features/waitlist.ts',
      'test/features/waitlist.test.ts',
    ]),
  );
  expect(deleted).not.toContain('src/seed/features.ts');
  expect(deleted).not.toContain('src/seed/features/todo.ts');
  const step = plan.changes.find((change) => change.file === 'src/seed/features.ts')!.after!;
  expect(step).not.toMatch(/seedWaitlist|waitlist/);
  expect(step).toContain('counts.todos = await seedTodos(tenants);');
  expect(step).toContain('counts.user_activity_daily = await seedUserActivityDaily(tenants);');
  expect(deleted).toContain('test/remove/plan-features-waitlist.test.ts');
});
