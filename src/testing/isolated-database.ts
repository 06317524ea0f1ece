import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createPgliteDatabase } from '../client/pglite.js';
import { createPostgresDatabase } from '../client/postgres.js';
import type { DatabaseHandle } from '../client/types.js';
import {
  pgliteMigrationConnection,
  postgresMigrationConnection,
  type MigrationConnection,
} from '../migrate/connection.js';
import { loadSnapshot } from './pglite-snapshot.js';
import { databaseUrlFor, type TestDatabaseSource } from './source.js';

export interface IsolatedDatabase extends DatabaseHandle {
  /**
   * `pglite://memory` for PGlite (reachable only through this handle), else the server URL of the clone (direct, even
   * when the handle's queries go through TEST_DATABASE_POOLER_URL).
   */
  url: string;
  /** A migration-runner connection to this database (for tests of migrations). Close it when done. */
  migrationConnection(): MigrationConnection;
}

/**
 * A migrated database of its own: a PGlite loaded from the snapshot, or a clone of the server's template database
 * (dropped again by `close()`). For tests that must commit: concurrency, migrations, pools.
 */
export async function createIsolatedDatabase(
  source: TestDatabaseSource,
  options: { poolMax?: number } = {},
): Promise<IsolatedDatabase> {
  if (source.kind === 'pglite') {
    const handle = createPgliteDatabase(null, { loadDataDir: loadSnapshot(source.snapshotPath) });
    return {
      ...handle,
      url: 'pglite://memory',
      migrationConnection: () => pgliteMigrationConnection(handle.client, handle.description),
    };
  }
  const name = `${source.runPrefix}_${randomBytes(4).toString('hex')}`;
  await onServer(source.serverUrl, `create database "${name}" template "${source.template}"`);
  const url = databaseUrlFor(source.serverUrl, name);
  // Through a transaction pooler the client turns statement preparation off, as it does for DATABASE_URL.
  const queryUrl = source.poolerUrl ? databaseUrlFor(source.poolerUrl, name) : url;
  const handle = createPostgresDatabase(queryUrl, { poolMax: options.poolMax ?? 5 });
  return {
    ...handle,
    url,
    migrationConnection: () => postgresMigrationConnection(url),
    async close() {
      await handle.close();
      await onServer(source.serverUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

/** One statement on a short-lived admin connection to the server (create or drop a database). */
export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}
