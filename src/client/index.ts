// `database/client`: connection factory and the default database.
export { createDatabase, databaseOptionsFromEnv } from './create-database.ts';
export { createPgliteDatabase } from './pglite.ts';
export { createPostgresDatabase, shouldPrepare } from './postgres.ts';
export type {
  Database,
  DatabaseHandle,
  DatabaseKind,
  DatabaseOptions,
  Executor,
  ReplicatedDatabase,
  Schema,
  Transaction,
} from './types.ts';
export { db } from './db.ts';
export { closeDefaultDatabase, getDefaultDatabase } from './default-database.ts';
export { env, parseEnv, type Env } from '../config/env.ts';
export { bindDatabase, currentExecutor, primaryOf, runWithExecutor, withPrimary, withTransaction } from './executor.ts';
export { parseDatabaseUrl, redactUrl, type DatabaseTarget } from '../config/database-url.ts';
