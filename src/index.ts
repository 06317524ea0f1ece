// `database`: what service code calls, as an explicit list (docs/api.md lists every entry point; `pnpm db:check`
// fails when it drifts). Internals (bindDatabase, parseEnv, primaryOf, the connection factory) are not here: the test
// kit and scripts import them from their files, and `database/client` carries the connection factory.
//
// DTOs are not re-exported: their one home is `database/dto`, the driver-free entry a browser bundle imports too, so a
// form and the service validate with the same module, and the root does not double in size (238 names). A query
// object's results are typed by inference; name a row type with `import type { Todo } from 'database/dto'`.
//
// Eight Drizzle operators are re-exported, named: a consumer's where clause on `db` must be built by the same
// drizzle-orm copy as these tables (a second copy in a monorepo gives SQL types that do not fit). For anything else,
// depend on drizzle-orm at the version this package pins.

// The executor model: `db`, transactions, read-your-writes.
export { db } from './client/db.js';
export { closeDefaultDatabase } from './client/default-database.js';
export { currentExecutor, runWithExecutor, withPrimary, withTransaction } from './client/executor.js';
export type { Database, Executor, Transaction } from './client/types.js';

// Errors every query object throws.
export {
  CheckViolationError,
  ConfigError,
  ConflictError,
  DatabaseError,
  type DatabaseErrorCode,
  DatabaseInUseError,
  ForbiddenError,
  ForeignKeyError,
  MigrationError,
  MissingTenantError,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from './errors/classes.js';

// Query objects and their inputs, by domain.
export { type Page } from './queries/_lib/keyset.js';
export { type SoftDeleteOptions } from './queries/_lib/soft-delete.js';
export {
  AdminAuditLogQueries,
  AdminRoleQueries,
  AdminUserQueries,
  type ListAdminAuditLogInput,
  type ListAdminRolesInput,
  type ListAdminUsersInput,
} from './queries/admin/index.js';
export {
  AccountQueries,
  JwkQueries,
  type ListUsersInput,
  SessionQueries,
  UserQueries,
  VerificationQueries,
} from './queries/auth/index.js';
export {
  type ListTodosInput,
  type ListWaitlistInput,
  TodoQueries,
  UserActivityDailyQueries,
  WaitlistQueries,
} from './queries/features/index.js';
export {
  type CreatedNotification,
  type ListNotificationPreferencesInput,
  type ListNotificationsInput,
  type ListNotificationTargetsInput,
  NotificationDeliveryQueries,
  NotificationPreferenceQueries,
  NotificationQueries,
  NotificationTargetQueries,
} from './queries/notifications/index.js';
export {
  type IngestEventResult,
  type ListSubscriptionEventsInput,
  type ListSubscriptionsInput,
  SubscriptionEventQueries,
  SubscriptionQueries,
} from './queries/subscriptions/index.js';
export {
  type ClaimOptions,
  DomainEventQueries,
  type ListDomainEventsInput,
  OutboxTransactionError,
  prune,
  PRUNE_TARGETS,
  pruneAll,
  type PruneOptions,
  type PruneResult,
  SystemSettingQueries,
  type TypedSystemSetting,
} from './queries/system/index.js';
export {
  InviteNotAcceptableError,
  type ListTenantActivityInput,
  type ListTenantMembersInput,
  type ListTenantsInput,
  type LogTenantActivity,
  TenantActivityQueries,
  TenantDatabaseQueries,
  TenantInviteQueries,
  TenantMemberQueries,
  TenantQueries,
  type TenantWithRole,
} from './queries/tenant/index.js';

// Tables, for `db` queries (enums, relations and limits: `database/schema`).
export {
  account,
  adminAuditLog,
  adminRoles,
  adminUsers,
  domainEventSequences,
  domainEvents,
  jwks,
  notificationDeliveries,
  notificationPreferences,
  notificationTargets,
  notifications,
  session,
  subscriptionEvents,
  subscriptions,
  systemSettings,
  tenantActivity,
  tenantDatabases,
  tenantFences,
  tenantInvites,
  tenantMembers,
  tenants,
  todos,
  user,
  userActivityDaily,
  verification,
  waitlist,
} from './schema/index.js';

// A database per tenant when a tenant needs one (docs/tenant-databases.md).
export { CrossDatabaseTransactionError, TenantMovedError, TenantMoveError } from './errors/tenant-routing.js';
export { PlacementKeyError, TenantClientError, type PlacementKeyProblem } from './errors/tenancy.js';
export { parseKeyRing, reencrypt, type KeyRing } from './tenancy/encryption.js';
export { syncTenantMembers } from './tenancy/members.js';
export {
  migrateTenantDatabases,
  type MigrateTenantDatabasesOptions,
  type TenantMigrationReport,
} from './tenancy/migrate-tenants.js';
export { moveTenant, type MoveReport, type MoveTenantOptions } from './tenancy/move-tenant.js';
export { placeTenant, type PlaceTenantOptions } from './tenancy/place-tenant.js';
export {
  databaseKey,
  enableTenantDatabases,
  withTenantDatabase,
  type TenantDatabases,
  type TenantDatabasesOptions,
} from './tenancy/router.js';

// Tenant scope and Row-Level Security.
export { currentTenantId, withTenant, type TenantScope } from './scope/tenant.js';
export { RlsClaimsSchema, withRls, type RlsClaims } from './scope/rls.js';

export { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
