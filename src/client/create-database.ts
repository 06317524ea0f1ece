import { parseDatabaseUrl, tryParseDatabaseUrl, type PostgresTarget } from '../config/database-url.js';
import type { Env } from '../config/env.js';
import { ConfigError } from '../errors/classes.js';
import { createPgliteDatabase } from './pglite.js';
import { createPostgresDatabase } from './postgres.js';
import type { DatabaseHandle, DatabaseOptions } from './types.js';

/** A database for any DATABASE_URL form. Nothing connects until the first query. */
export function createDatabase(options: DatabaseOptions = {}): DatabaseHandle {
  const target = typeof options.url === 'object' ? options.url : parseDatabaseUrl(options.url);
  if (target.kind === 'pglite' && (options.replicaUrls?.length ?? 0) > 0) {
    throw new ConfigError('Read replicas need a PostgreSQL server: an embedded PGlite database has none.');
  }
  const replicaUrls = (options.replicaUrls ?? []).map((url, index): PostgresTarget => {
    const replica = typeof url === 'object' ? url : tryParseDatabaseUrl(url);
    if (replica?.kind !== 'postgres') throw new ConfigError(`Read replica ${index + 1} is not a postgres:// URL.`);
    return replica;
  });
  return target.kind === 'postgres'
    ? createPostgresDatabase(target, { ...options, replicaUrls })
    : createPgliteDatabase(target.dataDir, options);
}

/**
 * The pooled connection settings an environment describes, with its read replicas. `role: 'direct'` is `DIRECT_URL`
 * alone (migrations and scripts talk to the primary only).
 */
export function databaseOptionsFromEnv(env: Env, role: 'pooled' | 'direct' = 'pooled'): DatabaseOptions {
  return {
    url: role === 'direct' ? env.databaseTargets.direct : env.databaseTargets.pooled,
    replicaUrls: role === 'direct' ? [] : env.databaseTargets.replicas,
    poolMax: env.DATABASE_POOL_MAX,
    prepare: env.DATABASE_PREPARE,
    connectTimeoutSeconds: env.DATABASE_CONNECT_TIMEOUT,
    logQueries: env.DATABASE_LOG_QUERIES,
    logParams: env.DATABASE_LOG_PARAMS,
  };
}
