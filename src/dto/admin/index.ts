export * from './admin-audit-log.js';
export * from './admin-role.js';
export * from './admin-user.js';
