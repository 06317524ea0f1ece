// `database/client`: connection factory and the default database.
export { createDatabase, databaseOptionsFromEnv } from './client/create-database.ts';
export { createPgliteDatabase } from './client/pglite.ts';
export { createPostgresDatabase, shouldPrepare } from './client/postgres.ts';
export type {
  Database,
  DatabaseHandle,
  DatabaseKind,
  DatabaseOptions,
  Executor,
  ReplicatedDatabase,
  Schema,
  Transaction,
} from './client/types.ts';
export { db } from './db.ts';
export { closeDefaultDatabase, getDefaultDatabase } from './default-database.ts';
export { env, parseEnv, type Env } from './env.ts';
export { bindDatabase, currentExecutor, primaryOf, runWithExecutor, withPrimary, withTransaction } from './executor.ts';
export { parseDatabaseUrl, redactUrl, type DatabaseTarget } from './config/database-url.ts';
export { RlsClaimsSchema, withRls, type RlsClaims } from './rls.ts';
