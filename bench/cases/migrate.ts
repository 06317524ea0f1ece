import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { packageRoot } from '../../src/config/database-url.js';
import { migrate, pgliteMigrationConnection, readMigrationFiles, runMigrations } from '../../src/migrate/index.js';
import { databaseUrlFor } from '../../src/testing/source.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { median } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';
import { run } from '../lib/spawn.js';

// Migrating an empty database with src/migrate in process vs the `drizzle-kit migrate` CLI (a fresh process each time,
// as a release step runs it), rounds interleaved.

const drizzleKit = path.join(packageRoot, 'node_modules', 'drizzle-kit', 'bin.cjs');

function drizzleKitMigrate(databaseUrl: string) {
  // DIRECT_URL would win over DATABASE_URL in drizzle.config.ts: blank it.
  const env = { ...process.env, DATABASE_URL: databaseUrl, DIRECT_URL: '' };
  return run(process.execPath, [drizzleKit, 'migrate'], { cwd: packageRoot, env });
}

async function withEmptyDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `bench_migrate_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
    return await fn(databaseUrlFor(serverUrl, name));
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function onPostgres(context: BenchContext): Promise<CaseResult> {
  const ours: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < context.pick(3, 1); i++) {
    ours.push(
      await withEmptyDatabase(context.serverUrl, async (url) => {
        const started = performance.now();
        await migrate({ url, log: () => {} });
        return performance.now() - started;
      }),
    );
    // The CLI baseline (seconds a run) is left out of the smoke pass, which only proves our code path works.
    if (context.smoke) continue;
    cli.push(await withEmptyDatabase(context.serverUrl, async (url) => (await drizzleKitMigrate(url)).ms));
  }
  const baseline = cli.length > 0 ? median(cli) : null;
  return row({
    case: 'migrate an empty database',
    database: 'postgres',
    ours: { label: 'migrate() in process', value: median(ours), unit: 'ms' },
    baseline: baseline === null ? null : { label: 'drizzle-kit migrate CLI', value: baseline, unit: 'ms' },
    ratio: baseline === null ? null : median(ours) / baseline,
    goal: { kind: 'max', value: 150 },
  });
}

async function onPglite(context: BenchContext): Promise<CaseResult> {
  const files = readMigrationFiles();
  const ours: number[] = [];
  const startup: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < context.pick(2, 1); i++) {
    const bootStarted = performance.now();
    const client = new PGlite();
    await client.waitReady;
    startup.push(performance.now() - bootStarted);
    try {
      const started = performance.now();
      await runMigrations(pgliteMigrationConnection(client, 'bench'), files, () => {});
      ours.push(performance.now() - started);
    } finally {
      await client.close();
    }
    // The CLI on PGlite takes ~10 s a run: left out of the smoke pass too.
    if (context.smoke) continue;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
    try {
      cli.push((await drizzleKitMigrate(`pglite://${dir}`)).ms);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const baseline = cli.length > 0 ? median(cli) : null;
  return row({
    case: 'migrate an empty database',
    database: 'pglite',
    ours: { label: 'runMigrations() in process', value: median(ours), unit: 'ms' },
    baseline: baseline === null ? null : { label: 'drizzle-kit migrate CLI', value: baseline, unit: 'ms' },
    ratio: baseline === null ? null : median(ours) / baseline,
    goal: { kind: 'max', value: 500 },
    note: `ours excludes PGlite start-up (initdb of an empty in-memory cluster: ${median(startup).toFixed(0)} ms); the CLI includes it and its own process start`,
  });
}

export const migrateCase: BenchCase = {
  name: 'migrate',
  description: 'migrate an empty database in process vs the drizzle-kit migrate CLI',
  async run(context) {
    return [...(context.postgres ? [await onPostgres(context)] : []), await onPglite(context)];
  },
};
