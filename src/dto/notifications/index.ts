export * from './notification.ts';
export * from './notification-delivery.ts';
export * from './notification-preference.ts';
export * from './notification-target.ts';
