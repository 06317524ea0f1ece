import type { DatabaseHandle } from '../client/types.js';
import { createIsolatedDatabase } from './isolated-database.js';
import type { TestDatabaseSource } from './source.js';

// One database per vitest worker, shared by the test files the worker runs (vitest `isolate: false`), kept on
// globalThis because a setup file is evaluated again for every file.
const cacheKey = Symbol.for('database.testing.workerDatabase');
type Cache = { [cacheKey]?: Promise<DatabaseHandle> };
const cache = globalThis as Cache;

export function workerDatabase(source: TestDatabaseSource): Promise<DatabaseHandle> {
  cache[cacheKey] ??= createIsolatedDatabase(source);
  return cache[cacheKey];
}
