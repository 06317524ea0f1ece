export * from './admin/index.ts';
export * from './auth/index.ts';
export * from './features/index.ts';
export * from './notifications/index.ts';
export * from './subscriptions/index.ts';
export * from './system/index.ts';
export * from './tenant/index.ts';
export type { Page } from './_lib/keyset.ts';
export type { SoftDeleteOptions } from './_lib/soft-delete.ts';
