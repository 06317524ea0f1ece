import { drizzle } from 'drizzle-orm/postgres-js';
import { withReplicas } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { parseDatabaseUrl, type PostgresTarget } from '../config/database-url.js';
import { ConfigError } from '../errors/classes.js';
import * as schema from '../schema/index.js';
import { withPostgresQueryLog } from './query-log.js';
import { withStatementReuse } from './statement-reuse.js';
import type { Database, DatabaseHandle, DatabaseOptions, ReplicatedDatabase } from './types.js';

export interface PostgresHandle extends DatabaseHandle {
  /** The primary's pool. */
  readonly client: postgres.Sql;
  /** One pool per read replica, in `replicaUrls` order (empty without replicas). */
  readonly replicaClients: readonly postgres.Sql[];
}

/**
 * Statement preparation is off behind a transaction pooler (Supabase :6543, PgBouncer): a prepared statement lives on
 * one server connection and the pooler hands the next query to another. Drizzle's `.prepare()` stays safe either way:
 * it caches the built SQL on our side, not a server-side statement.
 */
export function shouldPrepare(target: Pick<PostgresTarget, 'pooler'>, explicit: boolean | undefined): boolean {
  return explicit ?? !target.pooler;
}

function postgresTarget(url: string | PostgresTarget): PostgresTarget {
  if (typeof url === 'object') return url;
  const target = parseDatabaseUrl(url);
  if (target.kind !== 'postgres') throw new ConfigError('createPostgresDatabase needs a postgres:// URL.');
  return target;
}

function connect(
  target: PostgresTarget,
  options: DatabaseOptions,
  tag: string,
): { client: postgres.Sql; db: Database } {
  const client = postgres(target.connectionUrl, {
    max: options.poolMax ?? 10,
    prepare: shouldPrepare(target, options.prepare),
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    idle_timeout: 20,
    max_lifetime: 60 * 30,
    onnotice: () => {},
    connection: { application_name: 'database' },
  });
  const reusing = client.options.prepare ? withStatementReuse(client, options.maxPreparedStatements) : client;
  const driverClient = options.logQueries
    ? withPostgresQueryLog(reusing, { logParams: options.logParams ?? false, log: options.log ?? console.log, tag })
    : reusing;
  return { client, db: drizzle({ client: driverClient, schema }) };
}

/**
 * Drizzle's `withReplicas` sends `db.with(cte)` to a replica, including `.with(cte).update/insert/delete`, which a
 * replica refuses: the CTE's writes go to the primary here, its selects to the replica.
 */
function replicated(primary: Database, replicas: [Database, ...Database[]]): ReplicatedDatabase {
  const db = withReplicas(primary, replicas);
  const pick = () => replicas[Math.floor(Math.random() * replicas.length)]!;
  const withCtes: Database['with'] = (...ctes) => {
    const read = pick().with(...ctes);
    const written = primary.with(...ctes);
    return { ...read, update: written.update, insert: written.insert, delete: written.delete };
  };
  return Object.assign(db, { with: withCtes });
}

/** A database on a PostgreSQL server: `url` as a string, or the target `parseDatabaseUrl` made of one. */
export function createPostgresDatabase(url: string | PostgresTarget, options: DatabaseOptions = {}): PostgresHandle {
  const target = postgresTarget(url);
  const primary = connect(target, options, 'db');
  const replicas = (options.replicaUrls ?? []).map((replicaUrl, index) =>
    connect(postgresTarget(replicaUrl), options, `db:replica${index + 1}`),
  );
  const [first, ...rest] = replicas.map((replica) => replica.db);
  const db: Database = first ? replicated(primary.db, [first, ...rest]) : primary.db;
  const clients = [primary.client, ...replicas.map((replica) => replica.client)];
  return {
    db,
    client: primary.client,
    replicaClients: replicas.map((replica) => replica.client),
    kind: 'postgres',
    description: replicas.length
      ? `${target.redacted} with ${replicas.length} read replica${replicas.length === 1 ? '' : 's'}`
      : target.redacted,
    async close() {
      await Promise.all(clients.map((client) => client.end({ timeout: 5 })));
    },
  };
}
