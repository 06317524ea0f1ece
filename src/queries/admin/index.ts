export { AdminAuditLogQueries, type ListAdminAuditLogInput } from './admin-audit-log.ts';
export { AdminRoleQueries, type ListAdminRolesInput } from './admin-roles.ts';
export { AdminUserQueries, type ListAdminUsersInput } from './admin-users.ts';
