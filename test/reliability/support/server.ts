import { inject } from 'vitest';
import type { TestDatabaseSource } from '../../../src/testing/source.js';

type ServerSource = Extract<TestDatabaseSource, { kind: 'postgres' }>;

/** The server the run uses; these tests measure a real PostgreSQL, so PGlite is an error, not a skip. */
export function serverSource(): ServerSource {
  const source = inject('testDatabase');
  if (source.kind !== 'postgres') {
    throw new Error(
      'pnpm test:reliability needs a PostgreSQL server: TEST_DATABASE_URL must be a postgres:// URL ' +
        '(unset, it is postgres://postgres@127.0.0.1:5432/postgres).',
    );
  }
  return source;
}
