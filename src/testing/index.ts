import { inject } from 'vitest';
import type { DatabaseHandle } from '../client/types.js';
import { createIsolatedDatabase } from './isolated-database.js';
import { workerDatabase } from './worker-database.js';

export { openRollbackTransaction, type OpenTransaction } from './rollback-transaction.js';
export type { TestDatabaseSource } from './source.js';
export { useTestTenantDatabases, type TestPlacement, type TestTenantDatabases } from './tenant-databases.js';

/** The worker's migrated test database (PGlite, or a clone of the server template under TEST_DATABASE_URL). */
export function testDatabase(): Promise<DatabaseHandle> {
  return workerDatabase(inject('testDatabase'));
}

/** A migrated database of this test's own, for work that must commit; `close()` it in `afterAll`/`finally`. */
export function isolatedDatabase(options?: { poolMax?: number }) {
  return createIsolatedDatabase(inject('testDatabase'), options);
}
export { factories, defineFactory, fake, fromNow, seedFactories, type Factory } from './factories/index.js';
