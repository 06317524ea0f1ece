import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';
import { defaultMigrationsFolder, readMigrationFiles } from '../../src/migrate/migration-files.js';
import { databaseUrlFor } from '../../src/testing/source.js';

const source = inject('testDatabase');
const RUNNERS = 8;

// Needs a real server: PGlite is one process by construction (see the data-directory lock).
/**
 * A copy of drizzle/ plus a data-only migration that is not idempotent: every execution inserts one more row, so a
 * migration run twice (what drizzle's own migrator does under concurrency) shows as 2 rows.
 */
function foldersWithProbe(): { folder: string; probeKeyPrefix: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'db-migrations-probe-'));
  fs.cpSync(defaultMigrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as {
    entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
  };
  const last = journal.entries.at(-1)!;
  const tag = `${String(last.idx + 1).padStart(4, '0')}_concurrency_probe`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag });
  fs.writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  const probeKeyPrefix = 'concurrency_probe_';
  fs.writeFileSync(
    path.join(folder, `${tag}.sql`),
    `INSERT INTO "system_settings" ("key", "value")\n` +
      `VALUES ('${probeKeyPrefix}' || replace(gen_random_uuid()::text, '-', '_'), '{}'::jsonb);\n` +
      // Holds the transaction open so the runners overlap: with only this migration pending, drizzle's own migrator
      // (no lock) inserted the row 8 times in 1 of 2 runs measured here.
      '--> statement-breakpoint\nSELECT pg_sleep(0.5);\n',
  );
  return { folder, probeKeyPrefix };
}

async function withEmptyDatabase(label: string, fn: (url: string) => Promise<void>): Promise<void> {
  if (source.kind !== 'postgres') return;
  const name = `${source.runPrefix}_${label}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(source.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  try {
    await fn(databaseUrlFor(source.serverUrl, name));
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function appliedHashes(url: string): Promise<string[]> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await db.unsafe<{ hash: string }[]>('select hash from drizzle.__drizzle_migrations');
    return rows.map((r) => r.hash).sort();
  } finally {
    await db.end();
  }
}

const tsx = path.join(packageRoot, 'node_modules', '.bin', 'tsx');

function concurrently(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return Promise.allSettled(
    Array.from({ length: RUNNERS }, () => promisify(execFile)(tsx, args, { cwd: packageRoot, env })),
  );
}

// Needs a real server: PGlite is one process by construction (see the data-directory lock).
describe.skipIf(source.kind !== 'postgres')(`${RUNNERS} concurrent migration runners on an empty database`, () => {
  it(`${RUNNERS} × \`pnpm db:migrate\`: all exit 0 and every migration is applied exactly once`, async () => {
    await withEmptyDatabase('concurrent', async (url) => {
      const runs = await concurrently(['scripts/migrate.ts'], { ...process.env, DATABASE_URL: url, DIRECT_URL: url });
      expect(runs.map((r) => r.status)).toEqual(Array(RUNNERS).fill('fulfilled'));
      const outputs = runs.map((r) => (r.status === 'fulfilled' ? r.value.stdout : ''));
      expect(outputs.filter((out) => out.includes('Applied ')).length).toBe(1);
      expect(await appliedHashes(url)).toEqual(
        readMigrationFiles()
          .map((f) => f.hash)
          .sort(),
      );
    });
  }, 120_000);

  it(`${RUNNERS} × the runner with a non-idempotent data-only migration: all exit 0, its row is present once`, async () => {
    const { folder, probeKeyPrefix } = foldersWithProbe();
    try {
      await withEmptyDatabase('probe', async (url) => {
        const runs = await concurrently(['test/reliability/support/migrate-folder.ts', url, folder]);
        expect(runs.map((r) => r.status)).toEqual(Array(RUNNERS).fill('fulfilled'));
        expect(await appliedHashes(url)).toEqual(
          readMigrationFiles(folder)
            .map((f) => f.hash)
            .sort(),
        );
        const db = postgres(url, { max: 1, onnotice: () => {} });
        try {
          const [row] = await db<{ n: number }[]>`
            select count(*)::int as n from system_settings where key like ${`${probeKeyPrefix}%`}`;
          console.log(`${RUNNERS} concurrent runners: the data-only migration's row is present ${row!.n} time(s)`);
          expect(row!.n).toBe(1);
        } finally {
          await db.end();
        }
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
