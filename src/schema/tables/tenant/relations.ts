import { relations } from 'drizzle-orm';
import { user } from '../auth/user.js';
import { todos } from '../features/todo.js';
import { userActivityDaily } from '../features/user-activity-daily.js';
import { notificationPreferences } from '../notifications/notification-preference.js';
import { notifications } from '../notifications/notification.js';
import { subscriptions } from '../subscriptions/subscription.js';
import { tenantActivity } from './tenant-activity.js';
import { tenantInvites } from './tenant-invite.js';
import { tenantMembers } from './tenant-member.js';
import { tenants } from './tenant.js';

// One relations() per table: drizzle merges several at runtime, but its types see only one. So the `many` sides of
// `tenants` (every tenant-scoped table) live here, as those of `user` live in auth/relations.ts.
export const tenantsRelations = relations(tenants, ({ many }) => ({
  members: many(tenantMembers),
  invites: many(tenantInvites),
  activity: many(tenantActivity),
  todos: many(todos),
  userActivityDaily: many(userActivityDaily),
  notifications: many(notifications),
  notificationPreferences: many(notificationPreferences),
  subscriptions: many(subscriptions),
}));

export const tenantMembersRelations = relations(tenantMembers, ({ one }) => ({
  tenant: one(tenants, { fields: [tenantMembers.tenantId], references: [tenants.id] }),
  user: one(user, { fields: [tenantMembers.userId], references: [user.id] }),
}));

export const tenantInvitesRelations = relations(tenantInvites, ({ one }) => ({
  tenant: one(tenants, { fields: [tenantInvites.tenantId], references: [tenants.id] }),
  invitedBy: one(user, { fields: [tenantInvites.invitedByUserId], references: [user.id] }),
}));

export const tenantActivityRelations = relations(tenantActivity, ({ one }) => ({
  tenant: one(tenants, { fields: [tenantActivity.tenantId], references: [tenants.id] }),
  actor: one(user, { fields: [tenantActivity.actorUserId], references: [user.id] }),
}));
