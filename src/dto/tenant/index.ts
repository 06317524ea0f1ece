export * from './tenant.ts';
export * from './tenant-activity.ts';
export * from './tenant-invite.ts';
export * from './tenant-member.ts';
