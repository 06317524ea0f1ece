import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';
import { readMigrationFiles } from '../../src/migrate/migration-files.js';
import { onServer } from '../../src/testing/isolated-database.js';
import { databaseUrlFor } from '../../src/testing/source.js';

// drizzle.config.ts and `pnpm db:push`, run as a developer runs them: a child process with only the URL it is given.

const bin = (name: string) => path.join(packageRoot, 'node_modules', '.bin', name);

async function run(command: string, args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && !['TEST_DATABASE_URL', 'DATABASE_URL', 'DIRECT_URL'].includes(key),
    ),
  );
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, {
      cwd: packageRoot,
      env: { ...clean, NO_COLOR: '1', ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const serverUrl = process.env.TEST_DATABASE_URL;
const throwaway = `drizzle_kit_config_${process.pid}`;
afterAll(async () => {
  if (serverUrl) await onServer(serverUrl, `drop database if exists "${throwaway}" with (force)`);
});

describe.runIf(serverUrl)('drizzle.config.ts on a server', () => {
  it('dials a ?pgbouncer=true URL without the marker, as the runtime does (PostgreSQL rejected it: 42704)', async () => {
    await onServer(serverUrl!, `create database "${throwaway}"`);
    const url = `${databaseUrlFor(serverUrl!, throwaway)}?pgbouncer=true`;
    const result = await run(bin('drizzle-kit'), ['push', '--force'], { DIRECT_URL: url });
    expect(result.code, result.output).toBe(0);
    const check = await run('psql', [databaseUrlFor(serverUrl!, throwaway), '-tAc', "select to_regclass('todos')"], {});
    expect(check.output.trim()).toBe('todos');
  }, 120_000);
});

describe('pnpm db:push', () => {
  it('refuses a server URL without --force, before connecting, and prints no password', async () => {
    const result = await run(bin('tsx'), ['scripts/push.ts'], {
      DATABASE_URL: 'postgres://app:secret-pw@127.0.0.1:1/app',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('db:push is for the embedded database; postgres://app:***@127.0.0.1:1/app');
    expect(result.output).toContain('--force');
    expect(result.output).not.toContain('secret-pw');
    expect(result.output).not.toMatch(/ECONNREFUSED|Pulling schema/);
  });

  it('on an embedded directory: migrates it, then drizzle-kit push reads that same directory', async () => {
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'db-push-')), 'pglite');
    const result = await run(bin('tsx'), ['scripts/push.ts'], { DATABASE_URL: `pglite://${dataDir}` });
    expect(result.output).toContain('[✓] Pulling schema from database');
    const client = new PGlite(dataDir);
    try {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(rows).toEqual([{ n: readMigrationFiles().length }]);
    } finally {
      await client.close();
    }
  }, 120_000);
});
