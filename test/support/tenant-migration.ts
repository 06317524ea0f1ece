import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { runWithExecutor } from '../../src/client/executor.js';
import { createPgliteDatabase } from '../../src/client/pglite.js';
import type { Database } from '../../src/client/types.js';
import { packageRoot } from '../../src/config/database-url.js';
import { migrate } from '../../src/migrate/index.js';
import { readMigrationFiles, type MigrationFile } from '../../src/migrate/migration-files.js';
import { TenantDatabaseQueries } from '../../src/queries/tenant/tenant-database.js';
import { factories } from '../../src/testing/index.js';
import { createIsolatedDatabase, onServer } from '../../src/testing/isolated-database.js';
import { loadSnapshot, migratedPgliteSnapshot } from '../../src/testing/pglite-snapshot.js';
import { databaseUrlFor, type TestDatabaseSource } from '../../src/testing/source.js';
import { encryptUrl, parseKeyRing, type KeyRing } from '../../src/tenancy/encryption.js';
import { writeFoldersLayout, writeJournalFolder } from './migration-folder.js';

// Tenant databases for tests of `db:migrate` over placed tenants: databases one or more migrations behind (so a run
// really applies something), placements committed in a control database of the test's own (a script reads them),
// and a breakage that makes a real migration fail.

const drizzleFolder = path.join(packageRoot, 'drizzle');

/** The first table one of `files` creates (not IF NOT EXISTS): a table of that name already there makes it fail. */
function createdTable(files: MigrationFile[]): string | null {
  for (const file of files) {
    for (const statement of file.statements) {
      const match = /^\s*CREATE TABLE (?:IF NOT EXISTS )?"(?:public"\.")?([a-z_0-9]+)"/i.exec(statement);
      if (match && !/IF NOT EXISTS/i.test(statement)) return match[1]!;
    }
  }
  return null;
}

/**
 * The last `BEHIND` migrations of drizzle/ are pending on an "older" database: 2, or as many as reach back to one
 * that creates a table (after `pnpm db:remove` the newest migrations only drop).
 */
export const BEHIND = ((files) => {
  for (let behind = 2; behind <= files.length; behind++) if (createdTable(files.slice(-behind))) return behind;
  return 2;
})(readMigrationFiles(drizzleFolder));

/** A copy of drizzle/ without its last `behind` migrations, in its layout (0.45's journal, or 1.0's folders). */
function olderFolder(behind: number): string {
  const kept = readMigrationFiles(drizzleFolder).slice(0, -behind);
  const sqlOf = ({ layout, tag, name }: MigrationFile) =>
    fs.readFileSync(
      path.join(drizzleFolder, layout === 'journal' ? `${tag}.sql` : path.join(name, 'migration.sql')),
      'utf8',
    );
  return kept[0]?.layout === 'folders'
    ? writeFoldersLayout(kept.map((file) => ({ name: file.name, sql: sqlOf(file) })))
    : writeJournalFolder(kept.map((file) => ({ tag: file.tag, when: file.when, sql: sqlOf(file) })));
}

/** The first table a pending migration creates: a table of that name already there makes it fail for real. */
export function blockingTableName(behind = BEHIND): string {
  const table = createdTable(readMigrationFiles(drizzleFolder).slice(-behind));
  if (table) return table;
  throw new Error(`None of the last ${behind} migrations creates a table: pick another breakage.`);
}

export interface MigrationFixture {
  keyRing: KeyRing;
  /** DATABASE_ENCRYPTION_KEY for a child process. */
  keyRingText: string;
  /** The control database (committed rows): a PGlite directory, or a server database. */
  controlUrl: string;
  /** A fresh database `BEHIND` migrations behind: a PGlite directory, or a server database. */
  olderDatabase(on: 'pglite' | 'server'): Promise<string>;
  /** Creates a tenant in the control database per URL and places it there (sealed with `ring`, default the fixture's). */
  place(urls: string[], ring?: KeyRing): Promise<string[]>;
  /** Places an existing tenant (again) on `url`. */
  replace(tenantId: string, url: string): Promise<void>;
  /** Rows of a query on the database at `url`, on a connection of its own. */
  query<T>(url: string, statement: string): Promise<T[]>;
  /** Runs SQL on the database at `url` on a connection of its own. */
  exec(url: string, statement: string): Promise<void>;
  close(): Promise<void>;
}

async function seal(tenantId: string, url: string, ring: KeyRing): Promise<void> {
  const encryptedUrl = encryptUrl(ring, tenantId, url);
  await TenantDatabaseQueries.place(tenantId, { encryptedUrl, keyId: ring.primaryKeyId });
}

async function query<T>(url: string, statement: string): Promise<T[]> {
  if (url.startsWith('pglite://')) {
    const handle = createPgliteDatabase(url.slice('pglite://'.length));
    try {
      const results = await handle.client.exec(statement);
      return (results.at(-1)?.rows ?? []) as T[];
    } finally {
      await handle.close();
    }
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return [...(await sql.unsafe(statement))] as T[];
  } finally {
    await sql.end();
  }
}

export async function migrationFixture(source: TestDatabaseSource): Promise<MigrationFixture> {
  const keyRingText = `test:${randomBytes(32).toString('base64')}`;
  const keyRing = parseKeyRing(keyRingText);
  const cleanups: (() => Promise<void>)[] = [];
  const older = olderFolder(BEHIND);
  cleanups.push(async () => fs.rmSync(older, { recursive: true, force: true }));
  const olderSnapshot = await migratedPgliteSnapshot(older);
  let olderTemplate: string | undefined;
  let olderDir: string | undefined;

  /** A PGlite directory loaded from a snapshot, or copied from `from` (a closed directory; twice as fast). */
  const pgliteDir = async (from: { snapshot: string } | { dir: string }): Promise<string> => {
    const dir = path.join(os.tmpdir(), `database-tenant-migrate-${randomUUID()}`);
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    if ('dir' in from) fs.cpSync(from.dir, dir, { recursive: true });
    else await createPgliteDatabase(dir, { loadDataDir: loadSnapshot(from.snapshot) }).close();
    return dir;
  };

  async function serverDatabase(template: string | undefined): Promise<string> {
    if (source.kind !== 'postgres') throw new Error('No test server in this run.');
    const name = `${source.runPrefix}_m${randomBytes(4).toString('hex')}`;
    await onServer(source.serverUrl, `create database "${name}"${template ? ` template "${template}"` : ''}`);
    cleanups.push(() => onServer(source.serverUrl, `drop database if exists "${name}" with (force)`));
    return name;
  }

  let controlUrl: string;
  let withControl: <T>(work: (db: Database) => Promise<T>) => Promise<T>;
  if (source.kind === 'postgres') {
    const control = await createIsolatedDatabase(source, { poolMax: 2 });
    cleanups.push(() => control.close());
    controlUrl = control.url;
    withControl = (work) => work(control.db);
  } else {
    const dir = await pgliteDir({ snapshot: source.snapshotPath });
    controlUrl = `pglite://${dir}`;
    // Opened only while placing: `db:migrate` opens the directory itself (and locks it).
    withControl = async (work) => {
      const handle = createPgliteDatabase(dir);
      try {
        return await work(handle.db);
      } finally {
        await handle.close();
      }
    };
  }

  return {
    keyRing,
    keyRingText,
    controlUrl,
    async olderDatabase(on) {
      if (on === 'pglite') {
        olderDir ??= await pgliteDir({ snapshot: olderSnapshot });
        return `pglite://${await pgliteDir({ dir: olderDir })}`;
      }
      if (source.kind !== 'postgres') throw new Error('No test server in this run: use PGlite.');
      if (!olderTemplate) {
        olderTemplate = await serverDatabase(undefined);
        await migrate({ url: databaseUrlFor(source.serverUrl, olderTemplate), migrationsFolder: older, log: () => {} });
      }
      return databaseUrlFor(source.serverUrl, await serverDatabase(olderTemplate));
    },
    place(urls, ring = keyRing) {
      return withControl((db) =>
        runWithExecutor(db, async () => {
          const tenantIds: string[] = [];
          for (const url of urls) {
            const tenant = await factories.tenants.create();
            await seal(tenant.id, url, ring);
            tenantIds.push(tenant.id);
          }
          return tenantIds;
        }),
      );
    },
    replace(tenantId, url) {
      return withControl((db) => runWithExecutor(db, () => seal(tenantId, url, keyRing)));
    },
    async exec(url, statement) {
      await query(url, statement);
    },
    query,
    async close() {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    },
  };
}
