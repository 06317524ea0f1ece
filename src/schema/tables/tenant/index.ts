export { tenantMembersRelations, tenantsRelations, userTenantRelations } from './relations.ts';
export { TENANT_ROLES, tenantMembers, tenantRole, type TenantRole } from './tenant-members.ts';
export { tenants, type TenantCustomAttributes } from './tenants.ts';
