import type { Database } from './types.js';
import { currentExecutor } from './executor.js';

/**
 * The database for app code: resolves on each use to the current executor (the open `withTransaction`, the bound
 * test database, or the default database). Importing it connects nothing, and using `db` inside a transaction runs
 * on that transaction: on PGlite's single connection, going around it would deadlock.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const executor = currentExecutor() as Database;
    const value = Reflect.get(executor, property, executor) as unknown;
    return typeof value === 'function' ? value.bind(executor) : value;
  },
});
