export { AdminAuditLogQueries, type ListAdminAuditLogInput } from './admin-audit-log.js';
export { AdminRoleQueries, type ListAdminRolesInput } from './admin-role.js';
export { AdminUserQueries, type ListAdminUsersInput } from './admin-user.js';
