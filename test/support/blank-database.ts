import { randomBytes } from 'node:crypto';
import { createPgliteDatabase } from '../../src/client/pglite.js';
import { createPostgresDatabase } from '../../src/client/postgres.js';
import type { DatabaseHandle } from '../../src/client/types.js';
import {
  pgliteMigrationConnection,
  postgresMigrationConnection,
  type MigrationConnection,
} from '../../src/migrate/connection.js';
import { onServer } from '../../src/testing/isolated-database.js';
import { databaseUrlFor, type TestDatabaseSource } from '../../src/testing/source.js';

export interface BlankDatabase extends DatabaseHandle {
  /** One session for setup and migrations; closed by `close()`. */
  connection: MigrationConnection;
}

/**
 * An empty, unmigrated database on the run's engine: a new in-memory PGlite, or a new database on the server (named
 * with the run's prefix, so the global teardown drops it if a test dies before `close()`).
 */
export async function createBlankDatabase(source: TestDatabaseSource): Promise<BlankDatabase> {
  if (source.kind === 'pglite') {
    const handle = createPgliteDatabase(null);
    const connection = pgliteMigrationConnection(handle.client, handle.description);
    return { ...handle, connection };
  }
  const name = `${source.runPrefix}_blank_${randomBytes(4).toString('hex')}`;
  await onServer(source.serverUrl, `create database "${name}"`);
  const url = databaseUrlFor(source.serverUrl, name);
  const handle = createPostgresDatabase(url, { poolMax: 2 });
  const connection = postgresMigrationConnection(url);
  return {
    ...handle,
    connection,
    async close() {
      await connection.close();
      await handle.close();
      await onServer(source.serverUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}
