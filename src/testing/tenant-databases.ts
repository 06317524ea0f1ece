import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPgliteDatabase } from '../client/pglite.js';
import { parseKeyRing, type KeyRing } from '../tenancy/encryption.js';
import { placeTenant } from '../tenancy/place-tenant.js';
import { enableTenantDatabases, type TenantDatabases, type TenantDatabasesOptions } from '../tenancy/router.js';
import { onServer } from './isolated-database.js';
import { loadSnapshot } from './pglite-snapshot.js';
import { databaseUrlFor, type TestDatabaseSource } from './source.js';

/** Where a test tenant's own database is: a PGlite directory, or a database on the test server. */
export type TestPlacement = 'pglite' | 'server';

export interface TestTenantDatabases {
  readonly keyRing: KeyRing;
  readonly router: TenantDatabases;
  /** Whether `place(…, 'server')` works in this run (the tests run on a server). */
  readonly hasServer: boolean;
  /**
   * Places the tenant on a fresh, migrated database of its own (`'pglite'`, `'server'`), or on the database at a
   * URL `createDatabase` returned (tenants may share a dedicated database); returns the database's URL.
   */
  place(tenantId: string, on?: TestPlacement | string): Promise<string>;
  /** A fresh, migrated database (not placed): a target for `moveTenant`. */
  createDatabase(on?: TestPlacement): Promise<string>;
  /** Stops routing and removes every database it created. */
  close(): Promise<void>;
}

/**
 * Tenant databases for a test file: routing on with a throwaway key ring, and tenants placed on databases of their
 * own (PGlite directories under the OS temp dir, or clones of the server's migrated template). Call it in
 * `beforeAll` and `close()` in `afterAll`; placements are rows of the test's rolled-back transaction.
 */
export function useTestTenantDatabases(
  source: TestDatabaseSource,
  options: Omit<TenantDatabasesOptions, 'keyRing'> = {},
): TestTenantDatabases {
  const keyRing = parseKeyRing(`test:${randomBytes(32).toString('base64')}`);
  const router = enableTenantDatabases({ ...options, keyRing });
  const cleanups: (() => Promise<void>)[] = [];
  const hasServer = source.kind === 'postgres';

  async function createDatabase(on: TestPlacement = 'pglite'): Promise<string> {
    if (on === 'server') {
      if (source.kind !== 'postgres') throw new Error('No test server in this run: place on PGlite instead.');
      const name = `${source.runPrefix}_t${randomBytes(4).toString('hex')}`;
      await onServer(source.serverUrl, `create database "${name}" template "${source.template}"`);
      cleanups.push(() => onServer(source.serverUrl, `drop database if exists "${name}" with (force)`));
      return databaseUrlFor(source.serverUrl, name);
    }
    const dir = path.join(os.tmpdir(), `database-tenant-${randomUUID()}`);
    const snapshot = source.kind === 'pglite' ? loadSnapshot(source.snapshotPath) : undefined;
    await createPgliteDatabase(dir, snapshot ? { loadDataDir: snapshot } : {}).close();
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return `pglite://${dir}`;
  }

  return {
    keyRing,
    router,
    hasServer,
    createDatabase,
    async place(tenantId, on = 'pglite') {
      const url = on === 'pglite' || on === 'server' ? await createDatabase(on) : on;
      await placeTenant(tenantId, url, { keyRing });
      return url;
    },
    async close() {
      await router.close();
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}
