import { createDatabase, databaseOptionsFromEnv } from './create-database.js';
import type { DatabaseHandle } from './types.js';
import { env } from '../config/env.js';

// Cached on globalThis so a dev server's hot reload reuses the pool (and the PGlite lock) instead of opening another.
const cacheKey = Symbol.for('database.defaultDatabase');
type Cache = { [cacheKey]?: DatabaseHandle | undefined };
const cache = globalThis as Cache;

/** The database the environment describes, created on first use; nothing connects at import time. */
export function getDefaultDatabase(): DatabaseHandle {
  let handle = cache[cacheKey];
  if (!handle) {
    handle = createDatabase(databaseOptionsFromEnv(env()));
    cache[cacheKey] = handle;
    process.once('beforeExit', closeDefaultDatabase);
  }
  return handle;
}

/** Close the default database (call it from your server's shutdown hook); the next use opens a new one. */
export async function closeDefaultDatabase(): Promise<void> {
  const handle = cache[cacheKey];
  cache[cacheKey] = undefined;
  await handle?.close();
}
