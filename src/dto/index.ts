// Zod DTOs and their types only. Imports no driver and opens no connection: safe for a browser bundle.
export * from './features/index.ts';
export * from './tenant/index.ts';
export { SLUG_PATTERN } from './_fields.ts';
