import { relations } from 'drizzle-orm';
import { user } from '../auth/user.js';
import { tenants } from '../tenant/tenant.js';
import { todos } from './todo.js';
import { userActivityDaily } from './user-activity-daily.js';

export const todosRelations = relations(todos, ({ one }) => ({
  tenant: one(tenants, { fields: [todos.tenantId], references: [tenants.id] }),
  user: one(user, { fields: [todos.userId], references: [user.id] }),
}));

export const userActivityDailyRelations = relations(userActivityDaily, ({ one }) => ({
  tenant: one(tenants, { fields: [userActivityDaily.tenantId], references: [tenants.id] }),
  user: one(user, { fields: [userActivityDaily.userId], references: [user.id] }),
}));
