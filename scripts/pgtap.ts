import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { packageRoot } from '../src/config/database-url.js';
import { env } from '../src/config/env.js';
import { migrate } from '../src/migrate/index.js';
import { databaseUrlFor } from '../src/testing/source.js';
import { runScript } from './_run.js';

// `pnpm test:db:pgtap`: the pgtap/*.sql suites, run by pg_prove against a throwaway migrated database on a real
// PostgreSQL server (TEST_DATABASE_URL, default the local server). Needs the pgTAP extension and pg_prove
// (Debian: postgresql-15-pgtap, libtap-parser-sourcehandler-pgtap-perl).

await runScript(async () => {
  const serverUrl = env().TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (serverUrl.startsWith('pglite://'))
    throw new Error('pgTAP needs a PostgreSQL server: set TEST_DATABASE_URL to one');
  const suites = fs
    .readdirSync(path.join(packageRoot, 'pgtap'))
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => path.join('pgtap', file));
  const name = `pgtap_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  try {
    const url = databaseUrlFor(serverUrl, name);
    await migrate({ url, log: () => {} });
    const db = postgres(url, { max: 1, onnotice: () => {} });
    await db.unsafe('create extension if not exists pgtap');
    await db.end();
    const result = spawnSync('pg_prove', ['--dbname', url, '--verbose', ...suites], {
      cwd: packageRoot,
      stdio: 'inherit',
    });
    if (result.error)
      throw new Error(
        `pg_prove could not run (${result.error.message}); install libtap-parser-sourcehandler-pgtap-perl`,
      );
    if (result.status !== 0) process.exitCode = result.status ?? 1;
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
});
