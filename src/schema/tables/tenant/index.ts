export {
  tenantActivityRelations,
  tenantInvitesRelations,
  tenantMembersRelations,
  tenantsRelations,
} from './relations.js';
export {
  TENANT_ACTIVITY_ACTION_MAX,
  TENANT_ACTIVITY_SUBJECT_ID_MAX,
  TENANT_ACTIVITY_SUBJECT_TYPE_MAX,
  tenantActivity,
  type TenantActivityMetadata,
  tenantActivityTenantData,
} from './tenant-activity.js';
export { TENANT_DATABASE_KEY_ID_MAX, tenantDatabases } from './tenant-database.js';
export { tenantFences } from './tenant-fence.js';
export { TENANT_INVITE_STATUSES, tenantInvites, tenantInviteStatus, type TenantInviteStatus } from './tenant-invite.js';
export { TENANT_ROLES, tenantMembers, tenantMembersMirror, tenantRole, type TenantRole } from './tenant-member.js';
export { TENANT_NAME_MAX, tenants, type TenantCustomAttributes } from './tenant.js';
