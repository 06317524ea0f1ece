export * from './admin-audit-log.ts';
export * from './admin-role.ts';
export * from './admin-user.ts';
