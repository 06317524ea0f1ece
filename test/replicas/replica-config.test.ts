import { describe, expect, it } from 'vitest';
import { createDatabase, databaseOptionsFromEnv } from '../../src/client/create-database.js';
import { createPostgresDatabase } from '../../src/client/postgres.js';
import { parseEnv } from '../../src/config/env.js';
import { ConfigError } from '../../src/errors/classes.js';
import { primaryOf } from '../../src/client/executor.js';

const secret = 'hunter2-do-not-print';
const primary = `postgres://app:${secret}@primary.internal:5432/app`;
const replicaA = `postgres://app:${secret}@replica-a.internal:5432/app`;
const replicaB = `postgresql://app:${secret}@replica-b.internal:5432/app?sslmode=require`;

function thrown(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('DATABASE_REPLICA_URLS', () => {
  it('parses 2 comma-separated URLs (spaces and a trailing comma ignored); unset is 0', () => {
    const env = parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: ` ${replicaA} , ${replicaB},` });
    expect(env.DATABASE_REPLICA_URLS).toEqual([replicaA, replicaB]);
    expect(parseEnv({ DATABASE_URL: primary }).DATABASE_REPLICA_URLS).toEqual([]);
    expect(parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: '' }).DATABASE_REPLICA_URLS).toEqual([]);
  });

  it('rejects 2 bad entries of 3 (pglite, mysql) naming the variable and entries, never a password', () => {
    const error = thrown(() =>
      parseEnv({
        DATABASE_URL: primary,
        DATABASE_REPLICA_URLS: `${replicaA},pglite://memory,mysql://app:${secret}@db/app`,
      }),
    );
    expect(error.message).toContain('DATABASE_REPLICA_URLS: entry 2 of 3 must be a postgres:// URL');
    expect(error.message).toContain('DATABASE_REPLICA_URLS: entry 3 of 3 must be a postgres:// URL');
    expect(error.message).not.toContain(secret);
  });

  it.each([
    ['pglite://memory', 'a pglite:// URL'],
    [undefined, 'unset, so the embedded default'],
  ])('refuses replicas when DATABASE_URL is %s (embedded PGlite)', (databaseUrl, described) => {
    const error = thrown(() =>
      parseEnv({ ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), DATABASE_REPLICA_URLS: replicaA }),
    );
    expect(error.message).toContain('DATABASE_REPLICA_URLS needs a postgres:// DATABASE_URL');
    expect(error.message).toContain(described);
    expect(error.message).not.toContain(secret);
  });

  it('the pooled options carry the 2 replicas; the direct ones (migrations) carry 0', () => {
    const env = parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: `${replicaA},${replicaB}` });
    expect(databaseOptionsFromEnv(env).replicaUrls).toMatchObject([{ url: replicaA }, { url: replicaB }]);
    expect(databaseOptionsFromEnv(env, 'direct').replicaUrls).toEqual([]);
  });
});

describe('createDatabase with replicaUrls', () => {
  it('refuses replicas for an embedded PGlite database before opening it', () => {
    const error = thrown(() => createDatabase({ url: 'pglite://memory', replicaUrls: [replicaA] }));
    expect(error.message).toMatch(/Read replicas need a PostgreSQL server/);
  });

  it('refuses a replica that is not a postgres:// URL, naming its position (2) only', () => {
    const error = thrown(() => createDatabase({ url: primary, replicaUrls: [replicaA, 'pglite://memory'] }));
    expect(error.message).toBe('Read replica 2 is not a postgres:// URL.');
  });

  it('opens 1 pool per replica (2 here) without connecting, describes them without a password', async () => {
    const handle = createPostgresDatabase(primary, { replicaUrls: [replicaA, replicaB] });
    try {
      expect(handle.replicaClients).toHaveLength(2);
      expect(handle.description).toBe('postgres://app:***@primary.internal:5432/app with 2 read replicas');
      expect(primaryOf(handle.db)).not.toBe(handle.db);
    } finally {
      await handle.close();
    }
  });

  it('without replicas the database is the primary itself (0 replica pools)', async () => {
    const handle = createPostgresDatabase(primary);
    try {
      expect(handle.replicaClients).toHaveLength(0);
      expect(primaryOf(handle.db)).toBe(handle.db);
    } finally {
      await handle.close();
    }
  });
});
