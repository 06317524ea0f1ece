import { relations } from 'drizzle-orm';
import { user } from '../auth/user.ts';
import { tenantActivity } from './tenant-activity.ts';
import { tenantInvites } from './tenant-invites.ts';
import { tenantMembers } from './tenant-members.ts';
import { tenants } from './tenants.ts';

export const tenantsRelations = relations(tenants, ({ many }) => ({
  members: many(tenantMembers),
  invites: many(tenantInvites),
  activity: many(tenantActivity),
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

export const userTenantRelations = relations(user, ({ many }) => ({
  memberships: many(tenantMembers),
  sentTenantInvites: many(tenantInvites),
  tenantActivity: many(tenantActivity),
}));
