import { AsyncLocalStorage } from 'node:async_hooks';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Database, Executor, Transaction } from './client/types.ts';
import { getDefaultDatabase } from './default-database.ts';
import { toConnectionError } from './queries/_lib/database-errors.ts';

// The executor model: every query object asks `currentExecutor()` what to run on.
//   1. inside `withTransaction`, the open transaction (AsyncLocalStorage, so it follows awaits but not other requests);
//   2. else the database bound with `bindDatabase` (tests bind their isolated database or rolled-back transaction);
//   3. else the lazily created default database described by the environment.

const ambient = new AsyncLocalStorage<Executor>();
let bound: Executor | null = null;

export function currentExecutor(): Executor {
  return ambient.getStore() ?? bound ?? getDefaultDatabase().db;
}

/** Route every query object outside `withTransaction` to `executor`; `null` restores the default database. */
export function bindDatabase(executor: Executor | null): void {
  bound = executor;
}

/** Run `fn` with query objects on `executor` (another database, or a transaction you manage yourself). */
export function runWithExecutor<T>(executor: Executor, fn: () => Promise<T>): Promise<T> {
  return ambient.run(executor, fn);
}

/**
 * Run `fn` in a transaction: query objects called inside it, however deep, join it. Nested calls become savepoints;
 * a thrown error rolls back to the enclosing level and rethrows.
 */
export function withTransaction<T>(fn: (tx: Transaction) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  const executor = currentExecutor();
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
