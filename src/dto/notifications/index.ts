export * from './notification.js';
export * from './notification-delivery.js';
export * from './notification-preference.js';
export * from './notification-target.js';
