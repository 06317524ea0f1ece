import { relations } from 'drizzle-orm';
import { adminUsers } from '../admin/admin-user.js';
import { todos } from '../features/todo.js';
import { userActivityDaily } from '../features/user-activity-daily.js';
import { notificationPreferences } from '../notifications/notification-preference.js';
import { notificationTargets } from '../notifications/notification-target.js';
import { notifications } from '../notifications/notification.js';
import { tenantActivity } from '../tenant/tenant-activity.js';
import { tenantInvites } from '../tenant/tenant-invite.js';
import { tenantMembers } from '../tenant/tenant-member.js';
import { tenants } from '../tenant/tenant.js';
import { account } from './account.js';
import { session } from './session.js';
import { user } from './user.js';

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
