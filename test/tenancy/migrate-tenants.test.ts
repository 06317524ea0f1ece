import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPgliteDatabase } from '../../src/client/pglite.js';
import { packageRoot } from '../../src/config/database-url.js';
import { databaseKey } from '../../src/tenancy/router.js';
import { run } from '../support/child-run.js';
import { BEHIND, migrationFixture, type MigrationFixture } from '../support/tenant-migration.js';
import {
  allMigrations,
  appliedCount,
  blocking,
  brokenDatabaseScenario,
  controlForeignKeys,
  pendingTags,
} from '../support/tenant-migration-scenario.js';

// `pnpm db:migrate` over placed tenant databases, small; the 20-database run is test/slow/migrate-tenants.test.ts.

let fixture: MigrationFixture;

/** A control database and tenant databases of the describe block's own. */
function useFixture() {
  beforeAll(async () => {
    fixture = await migrationFixture(inject('testDatabase'));
  });
  afterAll(async () => {
    await fixture.close();
  });
}

describe('migrateTenantDatabases', () => {
  useFixture();

  it('3 databases, one broken: 2 migrated and the broken one named; after the fix a second run migrates it alone, a third applies nothing', async () => {
    await brokenDatabaseScenario(fixture, { databases: 3, hasServer: inject('testDatabase').kind === 'postgres' });
  }, 120_000);
});

describe('pnpm db:migrate', () => {
  useFixture();

  it('exits 1 naming the broken, the locked and the control-placed tenant databases by key and tenant, never by URL or directory; the good one is migrated', async () => {
    const [good, broken, inUse] = [
      await fixture.olderDatabase('pglite'),
      await fixture.olderDatabase('pglite'),
      await fixture.olderDatabase('pglite'),
    ].map((url) => url.slice('pglite://'.length)) as [string, string, string];
    const [, brokenTenant, inUseTenant, onControl] = await fixture.place([
      ...[good, broken, inUse].map((dir) => `pglite://${dir}`),
      fixture.controlUrl,
    ]);
    await fixture.exec(`pglite://${broken}`, `create table "${blocking}" (blocker int)`);
    const key = (dir: string) => databaseKey(`pglite://${dir}`);

    // An app holding a tenant's directory: the script must not open it (PGlite's directory lock) and says so.
    const holder = createPgliteDatabase(inUse);
    let result;
    try {
      const tsx = path.join(packageRoot, 'node_modules', '.bin', 'tsx');
      result = await run(packageRoot, tsx, ['scripts/migrate.ts', '--concurrency', '2'], {
        DATABASE_URL: fixture.controlUrl,
        DATABASE_ENCRYPTION_KEY: fixture.keyRingText,
      });
    } finally {
      await holder.close();
    }
    console.log(result.output);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`✓ ${key(good)} (1 tenant): applied ${pendingTags.join(', ')}`);
    expect(result.output).toContain(`✗ ${key(broken)} (1 tenant): Migration ${pendingTags[0]}.sql failed`);
    expect(result.output).toContain(
      `✗ ${key(inUse)} (1 tenant): The embedded database at ${key(inUse)} is already in use`,
    );
    expect(result.output).toContain(`(tenant ${brokenTenant})`);
    expect(result.output).toContain(`(tenant ${inUseTenant})`);
    // The control database is never prepared as a tenant database (that drops its foreign keys).
    expect(result.output).toContain(
      `✗ ${databaseKey(fixture.controlUrl)} (1 tenant): placed on the control database itself`,
    );
    expect(result.output).toContain(`(tenant ${onControl})`);
    expect(await controlForeignKeys(fixture, fixture.controlUrl)).toBeGreaterThan(0);
    expect(result.output).toMatch(/migrated 1, already current 0, failed 3: /);
    expect(result.output).toMatch(/✗ 3 tenant database\(s\) failed to migrate: /);
    for (const dir of [good, broken, inUse]) expect(result.output).not.toContain(dir);
    expect(await appliedCount(fixture, `pglite://${good}`)).toBe(allMigrations);
    expect(await appliedCount(fixture, `pglite://${inUse}`)).toBe(allMigrations - BEHIND);
  }, 60_000);
});
