import { expect } from 'vitest';
import { readMigrationFiles } from '../../src/migrate/migration-files.js';
import { parseKeyRing } from '../../src/tenancy/encryption.js';
import { migrateTenantDatabases, type TenantMigrationReport } from '../../src/tenancy/migrate-tenants.js';
import { databaseKey } from '../../src/tenancy/router.js';
import { tableName, tenantDataTables } from '../../src/tenancy/tenant-data-tables.js';
import { BEHIND, blockingTableName, type MigrationFixture } from './tenant-migration.js';

// The `db:migrate` scenario of issue 17 at any size: `databases` placed databases two migrations behind, one broken
// for real (a table already there under the name a pending migration creates), two tenants sharing one database,
// and a tenant whose URL no key in the ring opens (its URL carries a password that must never be printed).

export const SECRET = 'hunter2-placed-password';
export const allMigrations = readMigrationFiles().length;
export const pendingTags = readMigrationFiles()
  .slice(-BEHIND)
  .map((f) => f.tag);
export const blocking = blockingTableName();

export async function appliedCount(fixture: MigrationFixture, url: string): Promise<number> {
  const [row] = await fixture.query<{ n: number }>(url, 'select count(*)::int as n from drizzle.__drizzle_migrations');
  return row!.n;
}

/** Foreign keys left from tenant-data columns to control tables (the preparation drops them). */
export async function controlForeignKeys(fixture: MigrationFixture, url: string): Promise<number> {
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const columns = tenantDataTables().flatMap((d) =>
    d.controlReferences.map((c) => `(${literal(tableName(d.table))}, ${literal(c.name)})`),
  );
  const [row] = await fixture.query<{ n: number }>(
    url,
    `select count(*)::int as n from pg_constraint c
       join pg_class t on t.oid = c.conrelid
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
     where c.contype = 'f' and (t.relname, a.attname) in (${columns.join(', ')})`,
  );
  return row!.n;
}

async function migrateAll(fixture: MigrationFixture): Promise<{ report: TenantMigrationReport; output: string }> {
  const lines: string[] = [];
  const report = await migrateTenantDatabases({
    control: fixture.controlUrl,
    keyRing: fixture.keyRing,
    log: (line) => lines.push(line),
  });
  return { report, output: lines.join('\n') };
}

export async function brokenDatabaseScenario(
  fixture: MigrationFixture,
  options: { databases: number; hasServer: boolean },
): Promise<void> {
  const { databases, hasServer } = options;
  const urls: string[] = [];
  for (let i = 0; i < databases; i++) {
    urls.push(await fixture.olderDatabase(hasServer && i % 4 === 1 ? 'server' : 'pglite'));
  }
  const broken = urls[1]!;
  const [sharing, ...tenantIds] = await fixture.place([urls[0]!, ...urls]);
  const otherRing = parseKeyRing(`test:${Buffer.alloc(32, 7).toString('base64')}`);
  const [unreadable] = await fixture.place([`postgres://app:${SECRET}@db.invalid:5432/tenant`], otherRing);
  await fixture.exec(broken, `create table "${blocking}" (blocker int)`);

  const first = await migrateAll(fixture);
  console.log(first.output);
  expect(first.report).toMatchObject({ migrated: databases - 1, current: 0 });
  expect(first.report.failed.map((f) => ({ key: f.key, tenantIds: f.tenantIds }))).toEqual([
    { key: undefined, tenantIds: [unreadable] },
    { key: databaseKey(broken), tenantIds: [tenantIds[1]] },
  ]);
  expect(first.output).toContain(`failed 2: `);
  expect(first.output).toContain(`✗ ${databaseKey(broken)} (1 tenant): Migration ${pendingTags[0]}.sql failed`);
  expect(first.output).toContain(`relation "${blocking}" already exists`);
  expect(first.output).toContain(`tenant ${unreadable}: Cannot read or write the database URL of tenant ${unreadable}`);
  expect(first.output).not.toContain(SECRET);
  for (const url of urls) expect(first.output).not.toContain(url.replace(/^pglite:\/\//, ''));
  const shared = first.report.databases.find((d) => d.key === databaseKey(urls[0]!));
  expect(shared).toMatchObject({ status: 'migrated', applied: pendingTags });
  expect(shared?.tenantIds.sort()).toEqual([tenantIds[0], sharing].sort());
  expect(await appliedCount(fixture, urls[0]!)).toBe(allMigrations);
  expect(await appliedCount(fixture, broken)).toBe(allMigrations - BEHIND);
  expect(await controlForeignKeys(fixture, urls.at(-1)!)).toBe(0);
  expect(await controlForeignKeys(fixture, broken)).toBeGreaterThan(0);

  await fixture.exec(broken, `drop table "${blocking}"`);
  const second = await migrateAll(fixture);
  expect(second.report).toMatchObject({ migrated: 1, current: databases - 1 });
  expect(second.report.databases.filter((d) => d.status === 'migrated')).toEqual([
    expect.objectContaining({ key: databaseKey(broken), applied: pendingTags }),
  ]);
  expect(second.report.failed.map((f) => f.tenantIds)).toEqual([[unreadable]]);
  expect(await appliedCount(fixture, broken)).toBe(allMigrations);
  expect(await controlForeignKeys(fixture, broken)).toBe(0);

  // Sealed again with the right key, on a database another tenant uses: one more tenant, no more databases.
  await fixture.replace(unreadable!, urls[2]!);
  const third = await migrateAll(fixture);
  expect(third.report).toMatchObject({ migrated: 0, current: databases, failed: [] });
  expect(third.report.databases.every((d) => d.applied.length === 0)).toBe(true);
  expect(third.output).toContain(`Tenant databases: migrated 0, already current ${databases}, failed 0.`);
}
