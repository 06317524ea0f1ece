export { InviteNotAcceptableError } from './errors.js';
export { TenantDatabaseQueries, type SealedPlacement } from './tenant-database.js';
export { TenantActivityQueries, type ListTenantActivityInput, type LogTenantActivity } from './tenant-activity.js';
export { TenantInviteQueries } from './tenant-invite.js';
export { TenantMemberQueries, type ListTenantMembersInput } from './tenant-member.js';
export { TenantQueries, type ListTenantsInput, type TenantWithRole } from './tenant.js';
