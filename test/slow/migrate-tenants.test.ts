import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { migrationFixture, type MigrationFixture } from '../support/tenant-migration.js';
import { brokenDatabaseScenario } from '../support/tenant-migration-scenario.js';

// Issue 17's `db:migrate` test at full size (about a minute on PGlite: each run opens 20 directories); the fast
// suite runs the same scenario over 3 databases (test/tenancy/migrate-tenants.test.ts).

let fixture: MigrationFixture;
beforeAll(async () => {
  fixture = await migrationFixture(inject('testDatabase'));
});
afterAll(async () => {
  await fixture.close();
});

describe('migrateTenantDatabases at 20 databases', () => {
  it('one broken: 19 migrated and the broken one named; after the fix a second run migrates it alone, a third applies nothing', async () => {
    await brokenDatabaseScenario(fixture, { databases: 20, hasServer: inject('testDatabase').kind === 'postgres' });
  });
});
