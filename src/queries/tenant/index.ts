export { InviteNotAcceptableError } from './errors.ts';
export { TenantActivityQueries, type ListTenantActivityInput, type LogTenantActivity } from './tenant-activity.ts';
export { TenantInviteQueries } from './tenant-invite.ts';
export { TenantMemberQueries, type ListTenantMembersInput } from './tenant-member.ts';
export { TenantQueries, type ListTenantsInput, type TenantWithRole } from './tenant.ts';
