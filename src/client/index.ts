// `database/client`: the connection factory, the default database and the executor model, as an explicit list.
// Internals (bindDatabase, parseEnv, shouldPrepare) stay in their files for the test kit and scripts.
export { createDatabase, databaseOptionsFromEnv } from './create-database.js';
export { createPgliteDatabase } from './pglite.js';
export { createPostgresDatabase, type PostgresHandle } from './postgres.js';
export type { PgliteHandle } from './pglite.js';
export type {
  Database,
  DatabaseHandle,
  DatabaseKind,
  DatabaseOptions,
  Executor,
  ReplicatedDatabase,
  Schema,
  Transaction,
} from './types.js';
export { db } from './db.js';
export { closeDefaultDatabase, getDefaultDatabase } from './default-database.js';
export { env, type DatabaseTargets, type Env } from '../config/env.js';
export { currentExecutor, primaryOf, runWithExecutor, withPrimary, withTransaction } from './executor.js';
export { parseDatabaseUrl, redactUrl, type DatabaseTarget, type PostgresTarget } from '../config/database-url.js';
