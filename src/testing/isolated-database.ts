import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createPgliteDatabase } from '../client/pglite.ts';
import { createPostgresDatabase } from '../client/postgres.ts';
import type { DatabaseHandle } from '../client/types.ts';
import { loadSnapshot } from './pglite-snapshot.ts';
import { databaseUrlFor, type TestDatabaseSource } from './source.ts';

/**
 * A migrated database of its own: a PGlite loaded from the snapshot, or a clone of the server's template database
 * (dropped again by `close()`). For tests that must commit: concurrency, migrations, pools.
 */
export async function createIsolatedDatabase(
  source: TestDatabaseSource,
  options: { poolMax?: number } = {},
): Promise<DatabaseHandle & { url: string }> {
  if (source.kind === 'pglite') {
    const handle = createPgliteDatabase(null, { loadDataDir: loadSnapshot(source.snapshotPath) });
    return { ...handle, url: 'pglite://memory', close: () => handle.close() };
  }
  const name = `${source.runPrefix}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(source.serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${source.template}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(source.serverUrl, name);
  const handle = createPostgresDatabase(url, { poolMax: options.poolMax ?? 5 });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      const cleanup = postgres(source.serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
