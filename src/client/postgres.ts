import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { driverUrl, isTransactionPooler, redactUrl } from '../config/database-url.ts';
import * as schema from '../schema/index.ts';
import { withPostgresQueryLog } from './query-log.ts';
import type { Database, DatabaseHandle, DatabaseOptions } from './types.ts';

export interface PostgresHandle extends DatabaseHandle {
  readonly client: postgres.Sql;
}

/**
 * Statement preparation is off behind a transaction pooler (Supabase :6543, PgBouncer): a prepared statement lives on
 * one server connection and the pooler hands the next query to another. Drizzle's `.prepare()` stays safe either way:
 * it caches the built SQL on our side, not a server-side statement.
 */
export function shouldPrepare(url: string, explicit: boolean | undefined): boolean {
  return explicit ?? !isTransactionPooler(url);
}

export function createPostgresDatabase(url: string, options: DatabaseOptions = {}): PostgresHandle {
  const client = postgres(driverUrl(url), {
    max: options.poolMax ?? 10,
    prepare: shouldPrepare(url, options.prepare),
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    idle_timeout: 20,
    max_lifetime: 60 * 30,
    onnotice: () => {},
    connection: { application_name: 'database' },
  });
  const driverClient = options.logQueries
    ? withPostgresQueryLog(client, { logParams: options.logParams ?? false, log: options.log ?? console.log })
    : client;
  const db: Database = drizzle({ client: driverClient, schema });
  return {
    db,
    client,
    kind: 'postgres',
    description: redactUrl(url),
    close: () => client.end({ timeout: 5 }),
  };
}
