import type { TestDatabaseSource } from '../../src/testing/source.js';
import { createPostgresDatabase, type PostgresHandle } from '../../src/client/postgres.js';
import { createIsolatedDatabase, type IsolatedDatabase } from '../../src/testing/isolated-database.js';
import type { PoolCounter } from './query-log-counter.js';

/**
 * A fresh database and a handle on it whose "replica" is a second pool on the same database (fast, no second
 * server); the query log, tagged with each statement's pool, goes to `counter`.
 */
export async function routedDatabase(
  source: TestDatabaseSource,
  counter: PoolCounter,
): Promise<{ database: IsolatedDatabase; handle: PostgresHandle }> {
  const database = await createIsolatedDatabase(source, { poolMax: 1 });
  const handle = createPostgresDatabase(database.url, {
    replicaUrls: [database.url],
    poolMax: 2,
    logQueries: true,
    log: counter.log,
  });
  return { database, handle };
}
