export * from './tenant.js';
export * from './tenant-activity.js';
export * from './tenant-invite.js';
export * from './tenant-member.js';
export * from './tenant-database.js';
