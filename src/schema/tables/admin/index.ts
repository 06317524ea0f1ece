export {
  ADMIN_AUDIT_ACTION_MAX,
  ADMIN_AUDIT_SUBJECT_MAX,
  adminAuditLog,
  type AdminAuditMetadata,
} from './admin-audit-log.js';
export { ADMIN_ROLE_DESCRIPTION_MAX, ADMIN_ROLE_NAME_MAX, adminRoles } from './admin-role.js';
export { adminUsers } from './admin-user.js';
export { adminAuditLogRelations, adminRolesRelations, adminUsersRelations } from './relations.js';
