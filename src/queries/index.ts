export * from './features/index.ts';
export * from './notifications/index.ts';
export type { Page } from './_lib/keyset.ts';
export type { SoftDeleteOptions } from './_lib/soft-delete.ts';
