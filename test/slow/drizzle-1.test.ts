import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';
import { withMigrationConnection } from '../../src/migrate/connection.js';
import { migrate } from '../../src/migrate/index.js';
import { readMigrationFiles } from '../../src/migrate/migration-files.js';
import { onServer } from '../../src/testing/isolated-database.js';
import { databaseUrlFor } from '../../src/testing/source.js';
import { catalogOf } from '../support/catalog.js';
import { killGroup, run, running, type Run } from '../support/child-run.js';
import { copyRepository } from '../support/repo-copy.js';

// The road to Drizzle 1.0, in a throwaway copy of the repository: scripts/upgrade-drizzle-1.ts, `pnpm install`,
// `drizzle-kit up`; then the type check and the fast suite on PGlite, and 1.0's own migrator sharing databases with
// this runner in both orders (on the PostgreSQL server of TEST_DATABASE_URL, else on PGlite directories).

const TIMEOUT = 900_000;

// What 1.0 still breaks, file by file (docs/upgrading-drizzle.md says why): nothing today. The test fails when a list
// is wrong in either direction: a new break, or one that went away.
const KNOWN_TYPE_ERRORS: string[] = [];
const KNOWN_TEST_FAILURES: string[] = [];

const MIGRATE_WITH_DRIZZLE_1 = `
const [url, folder] = process.argv.slice(2);
if (url.startsWith('pglite://')) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = new PGlite(url.slice('pglite://'.length));
  await migrate(drizzle({ client }), { migrationsFolder: folder });
  await client.close();
} else {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: 1, onnotice: () => {} });
  await migrate(drizzle({ client }), { migrationsFolder: folder });
  await client.end();
}
console.log('drizzle 1.0 migrate() done');
`;

interface History {
  rows: { name: string | null; hash: string }[];
}

const source = inject('testDatabase');
const node = process.execPath; // the bins' `#!/usr/bin/env node` may find an older Node than this one

describe('Drizzle 1.0, in a copy of the repository upgraded by scripts/upgrade-drizzle-1.ts', () => {
  let copy: string;
  const results: Record<string, Run> = {};
  const databases: Record<'ours' | 'theirs' | 'fresh', string> = { ours: '', theirs: '', fresh: '' };
  const histories: Record<string, History> = {};
  const catalogs: Record<string, Record<string, string[]>> = {};
  const created: string[] = [];
  const journal = readMigrationFiles();

  const drizzle1 = (url: string) => run(copy, node, [tsxCli(), 'node_modules/.cache/migrate-1.mts', url, 'drizzle']);
  const ourRunnerIn1 = (url: string) => run(copy, node, [tsxCli(), 'scripts/migrate.ts'], { DATABASE_URL: url });
  const tsxCli = () => path.join(copy, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const history = (url: string) =>
    withMigrationConnection({ url }, (c) =>
      c.query<{ name: string | null; hash: string }>('select name, hash from drizzle.__drizzle_migrations order by id'),
    );

  beforeAll(async () => {
    copy = copyRepository(packageRoot);
    results.codemod = await run(copy, node, [tsxCli(), 'scripts/upgrade-drizzle-1.ts']);
    if (results.codemod.code !== 0) return;
    fs.rmSync(path.join(copy, 'node_modules'), { recursive: true }); // symlinks to ours: never install through them
    results.install = await run(copy, 'pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile']);
    if (results.install.code !== 0) return;
    results.up = await run(copy, 'pnpm', ['exec', 'drizzle-kit', 'up']);
    fs.mkdirSync(path.join(copy, 'node_modules', '.cache'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'node_modules', '.cache', 'migrate-1.mts'), MIGRATE_WITH_DRIZZLE_1);

    [results.typecheck, results.tests] = await Promise.all([
      run(copy, node, ['node_modules/typescript7/bin/tsc', '-p', 'tsconfig.json', '--pretty', 'false']),
      run(copy, node, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=json', '--outputFile=.cache-vitest.json']),
    ]);

    for (const name of Object.keys(databases) as (keyof typeof databases)[]) {
      if (source.kind === 'postgres') {
        const database = `drizzle1_${name}_${process.pid}`;
        await onServer(source.serverUrl, `create database "${database}"`);
        created.push(database);
        databases[name] = databaseUrlFor(source.serverUrl, database);
      } else databases[name] = `pglite://${path.join(copy, '.data', name)}`;
    }
    // ours: this runner on 0.45's journal, then 1.0's migrator, then this runner again on 1.0's folders
    await migrate({ url: databases.ours, log: () => {} });
    results.oursThen1 = await drizzle1(databases.ours);
    results.oursThen1ThenOurs = await ourRunnerIn1(databases.ours);
    // theirs: 1.0's migrator first, then this runner on 1.0's folders, then this runner on 0.45's journal
    results.theirs1 = await drizzle1(databases.theirs);
    results.theirsThenOurs = await ourRunnerIn1(databases.theirs);
    const journalRun = await migrate({ url: databases.theirs, log: () => {} });
    results.theirsThenJournal = { code: 0, output: `applied ${journalRun.applied.length}` };
    // fresh: this runner on 1.0's folders first, then 1.0's migrator
    results.fresh = await ourRunnerIn1(databases.fresh);
    results.freshThen1 = await drizzle1(databases.fresh);
    for (const name of Object.keys(databases)) {
      const url = databases[name as keyof typeof databases];
      histories[name] = { rows: await history(url) };
      catalogs[name] = await withMigrationConnection({ url }, catalogOf);
    }
  }, TIMEOUT);

  afterAll(async () => {
    for (const child of running) killGroup(child);
    if (source.kind === 'postgres') {
      for (const database of created)
        await onServer(source.serverUrl, `drop database if exists "${database}" with (force)`);
    }
    // DRIZZLE_1_KEEP_COPY=1 keeps the upgraded copy, to rerun its commands there (`pnpm exec vitest run <file>`)
    if (copy && process.env.DRIZZLE_1_KEEP_COPY) console.log(`kept the upgraded copy: ${copy}`);
    else if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  it('the codemod, pnpm install and drizzle-kit up succeed, and the codemod removes itself', () => {
    expect(results.codemod!.code, results.codemod!.output).toBe(0);
    expect(results.install!.code, results.install!.output).toBe(0);
    expect(results.up!.code, results.up!.output).toBe(0);
    expect(fs.existsSync(path.join(copy, 'scripts/upgrade-drizzle-1.ts'))).toBe(false);
    const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies['drizzle-orm']).toMatch(/^1\.0\.0-/);
    expect(manifest.dependencies['drizzle-zod']).toBeUndefined();
  });

  it('drizzle-kit up names each migration folder as this runner names its row, and keeps every file byte for byte', () => {
    expect(fs.existsSync(path.join(copy, 'drizzle', 'meta'))).toBe(false);
    const folders = readMigrationFiles(path.join(copy, 'drizzle'));
    expect(folders.map((file) => [file.name, file.hash])).toEqual(journal.map((file) => [file.name, file.hash]));
  });

  it('type-checks (KNOWN_TYPE_ERRORS is empty)', () => {
    const files = [
      ...new Set([...results.typecheck!.output.matchAll(/^(\S+?)\(\d+,\d+\): error/gm)].map((m) => m[1]!)),
    ];
    expect(files.sort(), results.typecheck!.output).toEqual(KNOWN_TYPE_ERRORS);
  });

  it('passes the fast suite on PGlite (KNOWN_TEST_FAILURES is empty)', () => {
    const report = JSON.parse(fs.readFileSync(path.join(copy, '.cache-vitest.json'), 'utf8')) as {
      numTotalTests: number;
      testResults: {
        name: string;
        status: string;
        message: string;
        assertionResults: { failureMessages: string[] }[];
      }[];
    };
    const failedFiles = report.testResults.filter((file) => file.status === 'failed');
    const why = failedFiles
      .map(
        (file) => `${file.name}: ${file.message} ${file.assertionResults.flatMap((a) => a.failureMessages).join('\n')}`,
      )
      .join('\n\n')
      .slice(0, 6000);
    const failed = failedFiles.map((file) => path.relative(copy, file.name)).sort();
    expect(failed, why).toEqual(KNOWN_TEST_FAILURES);
    expect(report.numTotalTests).toBeGreaterThan(500);
  });

  it('1.0 migrate() on a database this runner migrated applies nothing; nor does this runner after it', () => {
    expect(results.oursThen1!.code, results.oursThen1!.output).toBe(0);
    expect(results.oursThen1ThenOurs!.output).toContain(`Already up to date: ${journal.length} migration(s)`);
    expect(histories.ours!.rows).toEqual(journal.map(({ name, hash }) => ({ name, hash })));
  });

  it('this runner on a database 1.0 migrated applies nothing, on the 1.0 folders and on the 0.45 journal', () => {
    expect(results.theirs1!.code, results.theirs1!.output).toBe(0);
    expect(results.theirsThenOurs!.output).toContain(`Already up to date: ${journal.length} migration(s)`);
    expect(results.theirsThenJournal!.output).toBe('applied 0');
    expect(histories.theirs!.rows).toEqual(journal.map(({ name, hash }) => ({ name, hash })));
  });

  it('1.0 migrate() after this runner on the 1.0 folders applies nothing', () => {
    expect(results.fresh!.output).toContain(`Applied ${journal.length} migration(s)`);
    expect(results.freshThen1!.code, results.freshThen1!.output).toBe(0);
    expect(histories.fresh!.rows).toEqual(journal.map(({ name, hash }) => ({ name, hash })));
  });

  it('all three databases have the same catalog: tables, columns, constraints, indexes, triggers, functions, policies', () => {
    expect(catalogs.ours!.tables!.length).toBeGreaterThan(20);
    expect(catalogs.ours!.policies!.length).toBeGreaterThan(5);
    expect(catalogs.theirs).toEqual(catalogs.ours);
    expect(catalogs.fresh).toEqual(catalogs.ours);
  });
});
