import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { env } from '../config/env.js';
import { ConfigError } from '../errors/classes.js';
import { migrate } from '../migrate/index.js';
import { migratedPgliteSnapshot } from './pglite-snapshot.js';
import { databaseUrlFor, type TestDatabaseSource } from './source.js';

/**
 * vitest `globalSetup`: prepares one migrated database for the whole run. With TEST_DATABASE_URL it creates a
 * throwaway template database on that server (workers clone it) and drops everything the run created at the end;
 * without, it prepares a migrated PGlite snapshot.
 */
export default async function setup(project: TestProject) {
  const { test: server, testPooler: pooler } = env().databaseTargets;
  if (pooler && (server?.kind !== 'postgres' || pooler.kind !== 'postgres')) {
    throw new ConfigError(
      'TEST_DATABASE_POOLER_URL must be a postgres:// URL, of a pooler in front of the server TEST_DATABASE_URL names.',
    );
  }
  if (server?.kind !== 'postgres') {
    const source: TestDatabaseSource = { kind: 'pglite', snapshotPath: await migratedPgliteSnapshot() };
    project.provide('testDatabase', source);
    return;
  }
  const serverUrl = server.url;
  const runPrefix = `dbtest_${randomBytes(4).toString('hex')}`;
  const template = `${runPrefix}_template`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  await migrate({ url: databaseUrlFor(serverUrl, template), log: () => {} });
  const source: TestDatabaseSource = {
    kind: 'postgres',
    serverUrl,
    template,
    runPrefix,
    ...(pooler && { poolerUrl: pooler.url }),
  };
  project.provide('testDatabase', source);

  return async () => {
    const databases = await admin.unsafe<{ datname: string }[]>(
      'select datname from pg_database where datname like $1',
      [`${runPrefix}\\_%`],
    );
    for (const { datname } of databases) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}
