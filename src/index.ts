// `database`: everything a service needs. Subpaths: `database/schema`, `database/dto` (driver-free),
// `database/client`, `database/testing`.
export * from './client/index.ts';
export * from './dto/index.ts';
export * from './errors/classes.ts';
export * from './queries/index.ts';
export * from './schema/index.ts';
export { currentTenantId, MissingTenantError, withTenant, type TenantScope } from './scope/tenant.ts';
export { RlsClaimsSchema, withRls, type RlsClaims } from './scope/rls.ts';
// The few Drizzle operators callers need next to the schema; import the rest from drizzle-orm.
export { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
