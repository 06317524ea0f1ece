import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.ts';
import { readMigrationFiles } from '../../src/migrate/migration-files.ts';
import { databaseUrlFor } from '../../src/testing/source.ts';

const source = inject('testDatabase');
const RUNNERS = 8;

// Needs a real server: PGlite is one process by construction (see the data-directory lock).
describe.skipIf(source.kind !== 'postgres')(`${RUNNERS} concurrent \`pnpm db:migrate\` on an empty database`, () => {
  it(`all ${RUNNERS} exit 0 and every migration is applied exactly once`, async () => {
    if (source.kind !== 'postgres') return;
    const name = `${source.runPrefix}_concurrent_${randomBytes(3).toString('hex')}`;
    const admin = postgres(source.serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = databaseUrlFor(source.serverUrl, name);
    try {
      const tsx = path.join(packageRoot, 'node_modules', '.bin', 'tsx');
      const runs = await Promise.allSettled(
        Array.from({ length: RUNNERS }, () =>
          promisify(execFile)(tsx, ['scripts/migrate.ts'], {
            cwd: packageRoot,
            env: { ...process.env, DATABASE_URL: url, DIRECT_URL: url },
          }),
        ),
      );
      expect(runs.map((r) => r.status)).toEqual(Array(RUNNERS).fill('fulfilled'));
      const outputs = runs.map((r) => (r.status === 'fulfilled' ? r.value.stdout : ''));
      expect(outputs.filter((out) => out.includes('Applied ')).length).toBe(1);

      const files = readMigrationFiles();
      const db = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const rows = await db.unsafe<{ hash: string }[]>('select hash from drizzle.__drizzle_migrations');
        expect(rows.map((r) => r.hash).sort()).toEqual(files.map((f) => f.hash).sort());
      } finally {
        await db.end();
      }
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 120_000);
});
