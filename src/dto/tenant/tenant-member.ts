import { z } from 'zod';
import { TENANT_ROLES, tenantMembers } from '../../schema/tables/tenant/tenant-member.js';
import { createInsertSchema, createSelectSchema } from '../_zod.js';
import { listFilter } from '../_list-filter.js';

export const TenantRoleSchema = z.enum(TENANT_ROLES);

export const TenantMemberSchema = createSelectSchema(tenantMembers);
export const InsertTenantMemberSchema = createInsertSchema(tenantMembers, { role: () => TenantRoleSchema });

/** Adding a member: the tenant comes from scope. */
export const CreateTenantMemberSchema = InsertTenantMemberSchema.pick({ userId: true, role: true }).strict();

/** The only thing that changes on a membership is its role (the last-owner rule lives in the database). */
export const UpdateTenantMemberSchema = z.object({ role: TenantRoleSchema }).strict();

export const TenantMemberFilterSchema = listFilter({ role: TenantRoleSchema.optional() });

export type TenantMember = z.infer<typeof TenantMemberSchema>;
export type CreateTenantMember = z.input<typeof CreateTenantMemberSchema>;
export type UpdateTenantMember = z.input<typeof UpdateTenantMemberSchema>;
export type TenantMemberFilter = z.input<typeof TenantMemberFilterSchema>;
