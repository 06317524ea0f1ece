import { relations } from 'drizzle-orm';
import { user } from '../auth/user.ts';
import { tenants } from '../tenant/tenant.ts';
import { todos } from './todo.ts';
import { userActivityDaily } from './user-activity-daily.ts';

export const todosRelations = relations(todos, ({ one }) => ({
  tenant: one(tenants, { fields: [todos.tenantId], references: [tenants.id] }),
  user: one(user, { fields: [todos.userId], references: [user.id] }),
}));

export const userActivityDailyRelations = relations(userActivityDaily, ({ one }) => ({
  tenant: one(tenants, { fields: [userActivityDaily.tenantId], references: [tenants.id] }),
  user: one(user, { fields: [userActivityDaily.userId], references: [user.id] }),
}));
