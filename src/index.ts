// `database`: everything a service needs. Subpaths: `database/schema`, `database/dto` (driver-free),
// `database/client`, `database/testing`.
export * from './client.ts';
export * from './dto/index.ts';
export * from './errors.ts';
export * from './queries/index.ts';
export * from './schema/index.ts';
export { currentTenantId, MissingTenantError, withTenant, type TenantScope } from './tenant-context.ts';
// The few Drizzle operators callers need next to the schema; import the rest from drizzle-orm.
export { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
