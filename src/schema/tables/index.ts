export * from './admin/index.js';
export * from './auth/index.js';
export * from './features/index.js';
export * from './notifications/index.js';
export * from './subscriptions/index.js';
export * from './system/index.js';
export * from './tenant/index.js';
