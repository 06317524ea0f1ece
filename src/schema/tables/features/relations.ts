import { relations } from 'drizzle-orm';
import { user } from '../auth/user.ts';
import { tenants } from '../tenant/tenants.ts';
import { todos } from './todos.ts';
import { userActivityDaily } from './user-activity-daily.ts';

// A domain's relations file holds every relation of its tables, including the `many` side on parents in other
// domains (drizzle merges several relations() of one table), so adding a domain never edits another one.

export const todosRelations = relations(todos, ({ one }) => ({
  tenant: one(tenants, { fields: [todos.tenantId], references: [tenants.id] }),
  user: one(user, { fields: [todos.userId], references: [user.id] }),
}));

export const userActivityDailyRelations = relations(userActivityDaily, ({ one }) => ({
  tenant: one(tenants, { fields: [userActivityDaily.tenantId], references: [tenants.id] }),
  user: one(user, { fields: [userActivityDaily.userId], references: [user.id] }),
}));

export const tenantsFeaturesRelations = relations(tenants, ({ many }) => ({
  todos: many(todos),
  userActivityDaily: many(userActivityDaily),
}));

export const userFeaturesRelations = relations(user, ({ many }) => ({
  todos: many(todos),
  userActivityDaily: many(userActivityDaily),
}));
