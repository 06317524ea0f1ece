export { InviteNotAcceptableError } from './errors.ts';
export { TenantActivityQueries, type ListTenantActivityInput, type LogTenantActivity } from './tenant-activity.ts';
export { TenantInviteQueries } from './tenant-invites.ts';
export { TenantMemberQueries, type ListTenantMembersInput } from './tenant-members.ts';
export { TenantQueries, type ListTenantsInput, type TenantWithRole } from './tenants.ts';
