import { parseDatabaseUrl } from '../config/database-url.ts';
import type { Env } from '../env.ts';
import { createPgliteDatabase } from './pglite.ts';
import { createPostgresDatabase } from './postgres.ts';
import type { DatabaseHandle, DatabaseOptions } from './types.ts';

/** A database for any DATABASE_URL form. Nothing connects until the first query. */
export function createDatabase(options: DatabaseOptions = {}): DatabaseHandle {
  const target = parseDatabaseUrl(options.url);
  return target.kind === 'postgres'
    ? createPostgresDatabase(target.url, options)
    : createPgliteDatabase(target.dataDir, options);
}

/** The pooled connection settings an environment describes (`DIRECT_URL` for `role: 'direct'`). */
export function databaseOptionsFromEnv(env: Env, role: 'pooled' | 'direct' = 'pooled'): DatabaseOptions {
  return {
    url: role === 'direct' ? (env.DIRECT_URL ?? env.DATABASE_URL) : env.DATABASE_URL,
    poolMax: env.DATABASE_POOL_MAX,
    prepare: env.DATABASE_PREPARE,
    connectTimeoutSeconds: env.DATABASE_CONNECT_TIMEOUT,
    logQueries: env.DATABASE_LOG_QUERIES,
    logParams: env.DATABASE_LOG_PARAMS,
  };
}
