import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOptionsFromEnv } from '../../src/client/create-database.js';
import { shouldPrepare } from '../../src/client/postgres.js';
import {
  defaultPgliteDir,
  parseDatabaseUrl,
  redactUrl,
  sameDatabase,
  type PostgresTarget,
} from '../../src/config/database-url.js';
import { parseEnv } from '../../src/config/env.js';

describe('parseDatabaseUrl', () => {
  it('defaults to PGlite under the package .data/pglite', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'pglite', dataDir: defaultPgliteDir });
    expect(defaultPgliteDir.endsWith(path.join('.data', 'pglite'))).toBe(true);
  });

  it('reads pglite://memory and pglite://<dir>', () => {
    expect(parseDatabaseUrl('pglite://memory')).toEqual({ kind: 'pglite', dataDir: null });
    expect(parseDatabaseUrl('pglite://tmp/db')).toEqual({ kind: 'pglite', dataDir: path.resolve('tmp/db') });
  });

  it('detects transaction poolers: Supabase port 6543 or pgbouncer=true', () => {
    expect(parseDatabaseUrl('postgres://u:p@aws-0.pooler.supabase.com:6543/postgres')).toMatchObject({
      kind: 'postgres',
      pooler: true,
    });
    expect(parseDatabaseUrl('postgresql://u@host:5432/db?pgbouncer=true')).toMatchObject({ pooler: true });
    expect(parseDatabaseUrl('postgres://u@host:5432/db')).toMatchObject({ pooler: false });
  });

  it('turns statement preparation off behind a pooler unless told otherwise', () => {
    const server = (raw: string) => parseDatabaseUrl(raw) as PostgresTarget;
    expect(shouldPrepare(server('postgres://u@host:6543/db'), undefined)).toBe(false);
    expect(shouldPrepare(server('postgres://u@host:5432/db'), undefined)).toBe(true);
    expect(shouldPrepare(server('postgres://u@host:6543/db'), true)).toBe(true);
    expect(shouldPrepare(server('postgres://u@host:5432/db'), false)).toBe(false);
  });

  it('strips the pgbouncer=true marker before connecting (PostgreSQL rejects it as a startup parameter)', () => {
    expect(parseDatabaseUrl('postgres://u@h:6432/db?pgbouncer=true&sslmode=require')).toMatchObject({
      connectionUrl: 'postgres://u@h:6432/db?sslmode=require',
      pooler: true,
    });
    expect(parseDatabaseUrl('postgres://u@h:5432/db')).toMatchObject({ connectionUrl: 'postgres://u@h:5432/db' });
  });

  it('parses once: the env hands the client its parsed targets, the password never in the printable form', () => {
    const { databaseTargets } = parseEnv({
      DATABASE_URL: 'postgres://app:s3cret@h:6543/db',
      DIRECT_URL: 'postgres://app:s3cret@h:5432/db',
      DATABASE_REPLICA_URLS: 'postgres://app:s3cret@r:5432/db',
    });
    expect(databaseTargets.pooled).toMatchObject({ kind: 'postgres', pooler: true });
    expect(databaseTargets.direct).toMatchObject({ kind: 'postgres', pooler: false });
    expect(databaseTargets.replicas.map((target) => target.redacted)).toEqual(['postgres://app:***@r:5432/db']);
    expect(databaseOptionsFromEnv(parseEnv({})).url).toEqual({ kind: 'pglite', dataDir: defaultPgliteDir });
  });

  it('rejects other schemes', () => {
    expect(() => parseDatabaseUrl('mysql://u@h/db')).toThrow();
  });
});

describe('redactUrl and sameDatabase', () => {
  it('never prints the password or query string', () => {
    const printed = redactUrl('postgres://app:s3cret@db.example.com:5432/app?password=s3cret');
    expect(printed).not.toContain('s3cret');
    expect(printed).toContain('db.example.com:5432/app');
  });

  it('compares host, port, database and user, not password or options', () => {
    expect(sameDatabase('postgres://a:x@H:5432/db', 'postgres://a:y@h/db?sslmode=require')).toBe(true);
    expect(sameDatabase('postgres://a@h/db', 'postgres://a@h/other')).toBe(false);
  });
});
