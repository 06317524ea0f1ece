import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/errors/classes.js';
import { postgresMigrationConnection, type MigrationConnection } from '../../src/migrate/connection.js';
import { assertJournalOrder, readMigrationFiles } from '../../src/migrate/migration-files.js';
import { runMigrations, type MigrationTable } from '../../src/migrate/run-migrations.js';
import { isolatedDatabase } from '../../src/testing/index.js';
import { writeJournalFolder as writeFolder, type Migration } from '../support/migration-folder.js';

// Runs the real runner on a throwaway folder of migrations, bookkept in a table of its own so the database's
// real migration history is not involved.

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

function freshTable(): MigrationTable {
  run += 1;
  return { schema: 'drizzle', name: `test_migrations_${process.pid}_${run}` };
}

async function tableExists(name: string): Promise<boolean> {
  const rows = await connection.query<{ exists: boolean }>('select to_regclass($1) is not null as exists', [name]);
  return rows[0]!.exists;
}

describe('migration runner', () => {
  it('applies pending migrations in order, once, and reports each', async () => {
    const table = freshTable();
    const name = `mig_ok_${run}`;
    const folder = writeFolder([
      { tag: '0000_create', when: 1000, sql: `create table ${name} (id int primary key);` },
      {
        tag: '0001_seed',
        when: 2000,
        sql: `insert into ${name} values (1);\n--> statement-breakpoint\ninsert into ${name} values (2);`,
      },
    ]);
    const lines: string[] = [];
    const report = await runMigrations(connection, readMigrationFiles(folder), (line) => lines.push(line), table);
    expect(report.applied.map((m) => m.tag)).toEqual(['0000_create', '0001_seed']);
    expect(lines.some((line) => line.includes('✓ 0000_create'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^Applied 2 migration\(s\) in \d+ ms\.$/);

    const again = await runMigrations(connection, readMigrationFiles(folder), () => {}, table);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(2);
    expect(await connection.query(`select id from ${name} order by id`)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('rolls back the whole run when a statement fails, names the file and statement, and succeeds once fixed', async () => {
    const table = freshTable();
    const good = `mig_good_${run}`;
    const broken = `mig_broken_${run}`;
    const migrations: Migration[] = [
      { tag: '0000_good', when: 1000, sql: `create table ${good} (id int);` },
      {
        tag: '0001_broken',
        when: 2000,
        sql: `create table ${broken} (id int);\n--> statement-breakpoint\ninsert into ${broken} values ('not a number');`,
      },
    ];
    const folder = writeFolder(migrations);
    const error = await runMigrations(connection, readMigrationFiles(folder), () => {}, table).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/0001_broken\.sql failed at statement 2 of 2 \(insert into/);
    expect((error as Error).message).toMatch(/SQLSTATE 22P02/);
    expect(await tableExists(good)).toBe(false);
    expect(await tableExists(broken)).toBe(false);
    expect(await tableExists(`"${table.schema}"."${table.name}"`)).toBe(false); // its bookkeeping table too

    fs.writeFileSync(
      path.join(folder, '0001_broken.sql'),
      `create table ${broken} (id int);\n--> statement-breakpoint\ninsert into ${broken} values (1);`,
    );
    const report = await runMigrations(connection, readMigrationFiles(folder), () => {}, table);
    expect(report.applied).toHaveLength(2);
    expect(await tableExists(broken)).toBe(true);
  });

  it('refuses a migration edited after it was applied', async () => {
    const table = freshTable();
    const folder = writeFolder([{ tag: '0000_a', when: 1000, sql: `create table mig_edit_${run} (id int);` }]);
    await runMigrations(connection, readMigrationFiles(folder), () => {}, table);
    fs.writeFileSync(path.join(folder, '0000_a.sql'), `create table mig_edit_${run} (id bigint);`);
    await expect(runMigrations(connection, readMigrationFiles(folder), () => {}, table)).rejects.toThrow(
      /0000_a was edited after it was applied/,
    );
  });

  it('refuses an unapplied migration older than the newest applied one (drizzle would skip it)', async () => {
    const table = freshTable();
    const a = { tag: '0000_a', when: 1000, sql: `create table mig_old_a_${run} (id int);` };
    const c = { tag: '0002_c', when: 3000, sql: `create table mig_old_c_${run} (id int);` };
    await runMigrations(connection, readMigrationFiles(writeFolder([a, c])), () => {}, table);
    const merged = writeFolder([a, { tag: '0001_b', when: 2000, sql: 'select 1;' }, c]);
    await expect(runMigrations(connection, readMigrationFiles(merged), () => {}, table)).rejects.toThrow(
      /0001_b is older than the newest applied/,
    );
  });

  it('refuses a journal whose timestamps are not increasing', () => {
    expect(() =>
      assertJournalOrder([
        { tag: '0000_a', when: 2000 },
        { tag: '0001_b', when: 1000 },
      ]),
    ).toThrow(/out of order: 0001_b/);
    const folder = writeFolder([
      { tag: '0000_a', when: 2000, sql: 'select 1;' },
      { tag: '0001_b', when: 2000, sql: 'select 1;' },
    ]);
    expect(() => readMigrationFiles(folder)).toThrow(MigrationError);
  });

  it('refuses to migrate through a transaction pooler, before connecting', () => {
    expect(() => postgresMigrationConnection('postgres://u:secret-pw@pooler.example.com:6543/postgres')).toThrow(
      /transaction pooler.*DIRECT_URL/s,
    );
    expect(() =>
      postgresMigrationConnection('postgres://u:secret-pw@db.example.com:5432/postgres?pgbouncer=true'),
    ).toThrow(MigrationError);
    try {
      postgresMigrationConnection('postgres://u:secret-pw@pooler.example.com:6543/postgres');
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-pw');
    }
  });

  it('the shipped drizzle/ journal is in order and every file is present', () => {
    const files = readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((file) => file.statements.length > 0)).toBe(true);
  });
});
