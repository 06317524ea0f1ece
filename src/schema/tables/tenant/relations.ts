import { relations } from 'drizzle-orm';
import { user } from '../auth/user.ts';
import { tenantMembers } from './tenant-members.ts';
import { tenants } from './tenants.ts';

export const tenantsRelations = relations(tenants, ({ many }) => ({
  members: many(tenantMembers),
}));

export const tenantMembersRelations = relations(tenantMembers, ({ one }) => ({
  tenant: one(tenants, { fields: [tenantMembers.tenantId], references: [tenants.id] }),
  user: one(user, { fields: [tenantMembers.userId], references: [user.id] }),
}));

export const userTenantRelations = relations(user, ({ many }) => ({
  memberships: many(tenantMembers),
}));
