export { AdminAuditLogQueries, type ListAdminAuditLogInput } from './admin-audit-log.ts';
export { AdminRoleQueries, type ListAdminRolesInput } from './admin-role.ts';
export { AdminUserQueries, type ListAdminUsersInput } from './admin-user.ts';
