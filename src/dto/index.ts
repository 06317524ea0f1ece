// Zod DTOs and their types only. Imports no driver and opens no connection: safe for a browser bundle.
export * from './admin/index.ts';
export * from './auth/index.ts';
export * from './features/index.ts';
export * from './notifications/index.ts';
export * from './subscriptions/index.ts';
export * from './system/index.ts';
export * from './tenant/index.ts';
export { SLUG_PATTERN } from './_fields.ts';
