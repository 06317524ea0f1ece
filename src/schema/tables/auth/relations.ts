import { relations } from 'drizzle-orm';
import { adminUsers } from '../admin/admin-user.ts';
import { todos } from '../features/todo.ts';
import { userActivityDaily } from '../features/user-activity-daily.ts';
import { notificationPreferences } from '../notifications/notification-preference.ts';
import { notificationTargets } from '../notifications/notification-target.ts';
import { notifications } from '../notifications/notification.ts';
import { tenantActivity } from '../tenant/tenant-activity.ts';
import { tenantInvites } from '../tenant/tenant-invite.ts';
import { tenantMembers } from '../tenant/tenant-member.ts';
import { tenants } from '../tenant/tenant.ts';
import { account } from './account.ts';
import { session } from './session.ts';
import { user } from './user.ts';

// One relations() per table (drizzle's types see only one): every relation of `user`, across domains, is here.
export const userRelations = relations(user, ({ one, many }) => ({
  sessions: many(session),
  accounts: many(account),
  adminUser: one(adminUsers),
  memberships: many(tenantMembers),
  sentTenantInvites: many(tenantInvites),
  tenantActivity: many(tenantActivity),
  todos: many(todos),
  userActivityDaily: many(userActivityDaily),
  notifications: many(notifications),
  notificationTargets: many(notificationTargets),
  notificationPreferences: many(notificationPreferences),
}));

export const sessionRelations = relations(session, ({ one }) => ({
  user: one(user, { fields: [session.userId], references: [user.id] }),
  activeTenant: one(tenants, { fields: [session.activeTenantId], references: [tenants.id] }),
}));

export const accountRelations = relations(account, ({ one }) => ({
  user: one(user, { fields: [account.userId], references: [user.id] }),
}));
