// `database/client`: the connection factory, the default database and the executor model, as an explicit list.
// Internals (bindDatabase, parseEnv, shouldPrepare) stay in their files for the test kit and scripts.
export { createDatabase, databaseOptionsFromEnv } from './create-database.ts';
export { createPgliteDatabase } from './pglite.ts';
export { createPostgresDatabase, type PostgresHandle } from './postgres.ts';
export type { PgliteHandle } from './pglite.ts';
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
export { env, type DatabaseTargets, type Env } from '../config/env.ts';
export { currentExecutor, primaryOf, runWithExecutor, withPrimary, withTransaction } from './executor.ts';
export { parseDatabaseUrl, redactUrl, type DatabaseTarget, type PostgresTarget } from '../config/database-url.ts';
