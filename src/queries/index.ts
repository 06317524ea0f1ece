export * from './features/index.ts';
export * from './tenant/index.ts';
export type { Page } from './_lib/keyset.ts';
export type { SoftDeleteOptions } from './_lib/soft-delete.ts';
