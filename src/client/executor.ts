import { AsyncLocalStorage } from 'node:async_hooks';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Database, Executor, ReplicatedDatabase, Transaction } from './types.js';
import { getDefaultDatabase } from './default-database.js';
import { toConnectionError } from '../errors/sqlstate.js';

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
}
const stateKey = Symbol.for('database.executor');
const state: ExecutorState = ((globalThis as { [stateKey]?: ExecutorState })[stateKey] ??= {
  ambient: new AsyncLocalStorage<Executor>(),
  bound: null,
});
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
 * become savepoints; a thrown error rolls back to the enclosing level and rethrows.
 */
export function withTransaction<T>(fn: (tx: Transaction) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  const executor = primaryOf(currentExecutor());
  // Savepoints take no isolation config; a nested call inherits the outer transaction's.
  return (executor as Database)
    .transaction((tx) => ambient.run(tx, () => fn(tx)), isTransaction(executor) ? undefined : config)
    .catch((error: unknown) => {
      // A lost connection rejects the transaction with the driver's own error, whatever `fn` threw: type it.
      throw toConnectionError(error) ?? error;
    });
}

export function isTransaction(executor: Executor): executor is Transaction {
  return 'rollback' in executor && typeof (executor as Transaction).rollback === 'function';
}
