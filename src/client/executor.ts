import { AsyncLocalStorage } from 'node:async_hooks';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Database, Executor, ReplicatedDatabase, Transaction } from './types.js';
import { getDefaultDatabase } from './default-database.js';
import { toConnectionError } from '../errors/sqlstate.js';
import { CrossDatabaseTransactionError } from '../errors/tenant-routing.js';

// The executor model: every query object asks `currentExecutor()` what to run on.
//   1. inside `withTransaction`, the open transaction (AsyncLocalStorage, so it follows awaits but not other requests);
//   2. else the database bound with `bindDatabase` (tests bind their isolated database or rolled-back transaction);
//   3. else the lazily created default database described by the environment.
// With read replicas (DATABASE_REPLICA_URLS) the database sends selects to a replica and writes to the primary; a
// transaction, `withPrimary` and the query objects' writes run on the primary, so they read what they wrote.

// Process-wide (Symbol.for on globalThis), not module state: if a bundler or a symlink setup loads this package
// twice, both copies must still agree on the bound test transaction, or tests would write to the real database.
interface ExecutorState {
  ambient: AsyncLocalStorage<Executor>;
  bound: Executor | null;
  router?: TenantRouter | null;
  databaseKeys?: WeakMap<Executor, string>;
}
const stateKey = Symbol.for('database.executor');
const state: ExecutorState = ((globalThis as { [stateKey]?: ExecutorState })[stateKey] ??= {
  ambient: new AsyncLocalStorage<Executor>(),
  bound: null,
});
state.router ??= null;
const databaseKeys = (state.databaseKeys ??= new WeakMap<Executor, string>());
const ambient = state.ambient;

export function currentExecutor(): Executor {
  return ambient.getStore() ?? state.bound ?? getDefaultDatabase().db;
}

/** Route every query object outside `withTransaction` to `executor`; `null` restores the default database. */
export function bindDatabase(executor: Executor | null): void {
  state.bound = executor;
}

/** Run `fn` with query objects on `executor` (another database, or a transaction you manage yourself). */
export function runWithExecutor<T>(executor: Executor, fn: () => Promise<T>): Promise<T> {
  return ambient.run(executor, fn);
}

/** The primary behind a database with read replicas; any other executor (a transaction too) is its own primary. */
export function primaryOf(executor: Executor): Executor {
  return '$primary' in executor ? (executor as ReplicatedDatabase).$primary : executor;
}

/**
 * Run `fn` with query objects on the primary: read-your-writes outside a transaction (a replica lags the primary by
 * its replication delay). Without replicas, or inside a transaction, it changes nothing.
 */
export function withPrimary<T>(fn: () => Promise<T>): Promise<T> {
  return ambient.run(primaryOf(currentExecutor()), fn);
}

/**
 * Run `fn` in a transaction, on the primary: query objects called inside it, however deep, join it. Nested calls
 * become savepoints; a thrown error rolls back to the enclosing level and rethrows. With tenant databases, inside
 * `withTenant` it is a transaction on that tenant's database (see src/tenancy/router.ts).
 */
export async function withTransaction<T>(
  fn: (tx: Transaction) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  const current = currentExecutor();
  const lease = state.router ? await state.router.acquireAmbient() : undefined;
  try {
    const open = ambientTransaction();
    if (lease !== undefined && open && databaseKeyOf(open) !== (lease?.key ?? SHARED_DATABASE)) {
      throw new CrossDatabaseTransactionError(lease?.tenantId, describeKey(open));
    }
    const executor = lease && !open ? lease.db : primaryOf(current);
    return await transactionOn(executor, fn, isTransaction(executor) ? undefined : config);
  } finally {
    lease?.release();
  }
}

function transactionOn<T>(
  executor: Executor,
  fn: (tx: Transaction) => Promise<T>,
  config: PgTransactionConfig | undefined,
): Promise<T> {
  const key = databaseKeys.get(executor);
  // Savepoints take no isolation config; a nested call inherits the outer transaction's.
  return (executor as Database)
    .transaction((tx) => {
      if (key !== undefined) databaseKeys.set(tx, key);
      return ambient.run(tx, () => fn(tx));
    }, config)
    .catch((error: unknown) => {
      // A lost connection rejects the transaction with the driver's own error, whatever `fn` threw: type it.
      throw toConnectionError(error) ?? error;
    });
}

// Tenant databases (src/tenancy/): the router is installed by `enableTenantDatabases`; without it (the default)
// every call runs on the executor above and none of this costs more than a null check.

/** The key of the shared (control) database; a tenant database's key is its router's, never its URL. */
export const SHARED_DATABASE = 'the shared database';

/** A tenant database lent for one call or transaction; `release` hands it back to the router's client cache. */
export interface TenantDatabaseLease {
  readonly tenantId: string;
  readonly key: string;
  readonly db: Database;
  release(): void;
}

export interface TenantRouter {
  /** The tenant's own database, or null when the tenant lives in the shared database. */
  acquire(tenantId: string): Promise<TenantDatabaseLease | null>;
  /** Like `acquire` for the ambient tenant of `withTenant`; undefined outside `withTenant`. */
  acquireAmbient(): Promise<TenantDatabaseLease | null | undefined>;
  /** Forget what is cached about the tenant's placement (after a write found it moved). */
  invalidate(tenantId: string): void;
  /** `work` on each distinct database tenants are placed on (maintenance that spans every tenant: prune). */
  eachPlacedDatabase(work: (db: Database) => Promise<void>): Promise<void>;
}

export function setTenantRouter(router: TenantRouter | null): void {
  state.router = router;
}

export function tenantRouter(): TenantRouter | null {
  return state.router ?? null;
}

/**
 * The transaction of `withTransaction` (or a query object's savepoint) the caller is in; not the database bound by
 * `bindDatabase`, even when that is a transaction (the tests' rolled-back one).
 */
export function ambientTransaction(): Transaction | undefined {
  const executor = ambient.getStore();
  return executor && isTransaction(executor) ? executor : undefined;
}

/** Marks `executor` (a tenant database's client) as the database `key`; transactions opened on it inherit it. */
export function tagDatabase(executor: Executor, key: string): void {
  databaseKeys.set(executor, key);
}

/** Which database `executor` runs on: a tenant database's key, else the shared database. */
export function databaseKeyOf(executor: Executor): string {
  return databaseKeys.get(executor) ?? SHARED_DATABASE;
}

export function describeKey(executor: Executor): string {
  const key = databaseKeyOf(executor);
  return key === SHARED_DATABASE ? key : `a tenant database (${key})`;
}

/**
 * Where shared-database work runs while a tenant database is ambient: the bound or default database. Inside a
 * transaction on the shared database it is that transaction (PGlite has one connection: a second query outside the
 * open transaction would wait for it forever).
 */
export function sharedExecutor(): Executor {
  const current = currentExecutor();
  if (databaseKeyOf(current) === SHARED_DATABASE) return current;
  return state.bound ?? getDefaultDatabase().db;
}

export function isTransaction(executor: Executor): executor is Transaction {
  return 'rollback' in executor && typeof (executor as Transaction).rollback === 'function';
}
