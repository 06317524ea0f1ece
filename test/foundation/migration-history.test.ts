import { migrate as pgliteMigrate } from 'drizzle-orm/pglite/migrator';
import { migrate as postgresMigrate } from 'drizzle-orm/postgres-js/migrator';
import { npmVersion } from 'drizzle-orm/version';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigrationConnection } from '../../src/migrate/connection.js';
import { readMigrationFiles, upgradedName } from '../../src/migrate/migration-files.js';
import { runMigrations, type MigrationTable } from '../../src/migrate/run-migrations.js';
import { isolatedDatabase } from '../../src/testing/index.js';
import { writeFoldersLayout, writeJournalFolder } from '../support/migration-folder.js';

// drizzle.__drizzle_migrations as both drizzle generations read it: 0.45 (`drizzle-kit migrate`, the journal layout)
// picks what is newer than the newest created_at; 1.0 (the folder layout) picks every migration whose name it does
// not find. Each test bookkeeps in a table of its own. 1.0's own migrator is run against this runner in
// test/slow/drizzle-1.test.ts.

let database: Awaited<ReturnType<typeof isolatedDatabase>>;
let connection: MigrationConnection;
let run = 0;

beforeAll(async () => {
  database = await isolatedDatabase();
  connection = database.migrationConnection();
});
afterAll(async () => {
  await connection?.close();
  await database?.close();
});

function freshTable(): { table: MigrationTable; qualified: string; prefix: string } {
  run += 1;
  const table = { schema: 'drizzle', name: `test_history_${process.pid}_${run}` };
  return { table, qualified: `"drizzle"."${table.name}"`, prefix: `hist_${process.pid}_${run}` };
}

const columnsOf = async (table: MigrationTable) =>
  (
    await connection.query<{ column_name: string }>(
      'select column_name from information_schema.columns where table_schema = $1 and table_name = $2 order by 1',
      [table.schema, table.name],
    )
  ).map((row) => row.column_name);

// `create table` without `if not exists`: a migration applied twice fails loudly.
const journal = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    tag: `000${i}_step_${i}`,
    when: 1_700_000_000_000 + i * 1500,
    sql: `create table ${prefix}_${i} (id int);`,
  }));
const asFolders = (migrations: ReturnType<typeof journal>) =>
  migrations.map(({ tag, when, sql }) => ({ name: upgradedName(tag, when), sql }));

describe('migration history shared with drizzle', () => {
  it('names a journal entry as drizzle-kit up names its folder: UTC second, then the tag without its index', () => {
    expect(upgradedName('0001_init', 1795318558200)).toBe('20261122033558_init');
    expect(upgradedName('0000_supabase_roles', 1795318556296)).toBe('20261122033556_supabase_roles');
  });

  it("journal layout: keeps the 0.x table, and drizzle's migrator (0.45 or 1.0) after it applies nothing", async () => {
    const { table, qualified, prefix } = freshTable();
    const migrations = journal(prefix, 2);
    const folder = writeJournalFolder(migrations);
    await runMigrations(connection, readMigrationFiles(folder), () => {}, table);
    expect(await columnsOf(table)).toEqual(['created_at', 'hash', 'id']);

    // 0.45 reads the journal; 1.0 refuses one ("run drizzle-kit up") and reads the folders `drizzle-kit up` makes of it
    const drizzleFolder = npmVersion.startsWith('0.') ? folder : writeFoldersLayout(asFolders(migrations));
    const config = { migrationsFolder: drizzleFolder, migrationsSchema: table.schema, migrationsTable: table.name };
    if (database.url.startsWith('pglite:')) await pgliteMigrate(database.db as never, config);
    else await postgresMigrate(database.db as never, config);
    expect(await connection.query(`select count(*)::int as n from ${qualified}`)).toEqual([{ n: 2 }]);
  });

  it('journal layout on a table with 1.0 name column: names every row it writes and every row without one', async () => {
    const { table, qualified, prefix } = freshTable();
    const migrations = journal(prefix, 3);
    const folder = writeJournalFolder(migrations);
    const [first] = readMigrationFiles(folder);
    await connection.exec(`create table ${prefix}_0 (id int)`);
    await connection.exec(
      `create table ${qualified} (id serial primary key, hash text not null, created_at bigint, name text, ` +
        'applied_at timestamp with time zone default now())',
    );
    // as drizzle-kit 0.45 migrate writes it into a table 1.0 made: no name
    await connection.query(`insert into ${qualified} (hash, created_at) values ($1, $2)`, [first!.hash, first!.when]);

    const report = await runMigrations(connection, readMigrationFiles(folder), () => {}, table);
    expect(report.applied.map((m) => m.tag)).toEqual(['0001_step_1', '0002_step_2']);
    expect(await connection.query(`select name from ${qualified} order by id`)).toEqual(
      asFolders(migrations).map(({ name }) => ({ name })),
    );
  });

  it('folder layout on a 0.x history: upgrades the table as 1.0 does, names the rows, applies only what is new', async () => {
    const { table, qualified, prefix } = freshTable();
    const migrations = journal(prefix, 3);
    await runMigrations(connection, readMigrationFiles(writeJournalFolder(migrations.slice(0, 2))), () => {}, table);

    const folders = writeFoldersLayout(asFolders(migrations));
    const report = await runMigrations(connection, readMigrationFiles(folders), () => {}, table);
    expect(report.applied.map((m) => m.tag)).toEqual([asFolders(migrations)[2]!.name]);
    expect(await columnsOf(table)).toEqual(['applied_at', 'created_at', 'hash', 'id', 'name']);
    const rows = await connection.query<{ name: string; created_at: string; applied: boolean }>(
      `select name, created_at::text, applied_at is not null as applied from ${qualified} order by id`,
    );
    expect(rows.map((row) => row.name)).toEqual(asFolders(migrations).map(({ name }) => name));
    // what 1.0 writes for the new one: the folder's second; the old rows keep their journal `when`, their time unknown
    expect(rows.map((row) => [row.created_at, row.applied])).toEqual([
      [String(migrations[0]!.when), false],
      [String(migrations[1]!.when), false],
      [String(Math.floor(migrations[2]!.when / 1000) * 1000), true],
    ]);

    const again = await runMigrations(connection, readMigrationFiles(folders), () => {}, table);
    expect(again).toMatchObject({ applied: [], alreadyApplied: 3 });
  });

  it('refuses a named row whose migration folder is gone, changing nothing', async () => {
    const { table, qualified, prefix } = freshTable();
    const migrations = asFolders(journal(prefix, 2));
    await runMigrations(connection, readMigrationFiles(writeFoldersLayout(migrations)), () => {}, table);
    const withoutFirst = readMigrationFiles(writeFoldersLayout(migrations.slice(1)));
    await expect(runMigrations(connection, withoutFirst, () => {}, table)).rejects.toThrow(
      `The database has a migration (${migrations[0]!.name}) that drizzle/ does not`,
    );
    expect(await connection.query(`select count(*)::int as n from ${qualified}`)).toEqual([{ n: 2 }]);
  });
});
