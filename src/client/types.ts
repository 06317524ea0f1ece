import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { DatabaseTarget, PostgresTarget } from '../config/database-url.js';
import type * as schema from '../schema/index.js';

export type Schema = typeof schema;
/** A Drizzle database over postgres.js or PGlite, with the full schema loaded for relational queries. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What a query runs on: the database itself or an open transaction. */
export type Executor = Database | Transaction;
/** A database with read replicas (Drizzle `withReplicas`): selects and relational queries go to a replica. */
export type ReplicatedDatabase = Database & { readonly $primary: Database; readonly $replicas: readonly Database[] };

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: DatabaseKind;
  /** A printable description of the target; never contains a password. */
  readonly description: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /**
   * A DATABASE_URL-style string, or the target `parseDatabaseUrl` made of one (the env hands its parse over);
   * `undefined` is the embedded default under `.data/pglite`.
   */
  url?: string | DatabaseTarget | undefined;
  /** postgres.js pool size. */
  poolMax?: number;
  /**
   * PostgreSQL only: streaming replicas of `url`. Reads go to one of them (each has its own pool with these same
   * options), writes and transactions to `url`.
   */
  replicaUrls?: readonly (string | PostgresTarget)[] | undefined;
  /** Server-side prepared statements. Default: on, except behind a transaction pooler. */
  prepare?: boolean | undefined;
  /**
   * With `prepare`: how many distinct SQL texts become named statements (each kept on every connection that ran
   * it); later new texts run unnamed. Default 500: an app's query shapes fit, `IN` lists of every length do not.
   */
  maxPreparedStatements?: number;
  connectTimeoutSeconds?: number;
  logQueries?: boolean;
  logParams?: boolean;
  /** Where query log lines go (default: console.log). */
  log?: (line: string) => void;
  /** PGlite only: start from a data-directory snapshot (see `dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob | File;
}
