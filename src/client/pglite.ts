import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '../schema/index.js';
import { lockDataDir } from './pglite-lock.js';
import { useDrizzleParsers, withoutPerQueryParsers } from './pglite-parsers.js';
import { withPgliteQueryLog } from './query-log.js';
import type { Database, DatabaseHandle, DatabaseOptions } from './types.js';

export interface PgliteHandle extends DatabaseHandle {
  /**
   * The PGlite instance under `db`. It parses as Drizzle reads: timestamp, timestamptz, date and interval values
   * (and numeric and those arrays) come back as PostgreSQL's text, not as `Date`s.
   */
  readonly client: PGlite;
}

/** An embedded database: in memory when `dataDir` is null, else persisted (and locked to this process). */
export function createPgliteDatabase(dataDir: string | null, options: DatabaseOptions = {}): PgliteHandle {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    // The constructor returns at once; queries wait for startup, so opening stays synchronous.
    client = new PGlite({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    release();
    throw error;
  }
  useDrizzleParsers(client);
  const loggedClient = options.logQueries
    ? withPgliteQueryLog(client, { logParams: options.logParams ?? false, log: options.log ?? console.log })
    : client;
  const db: Database = drizzle({ client: withoutPerQueryParsers(loggedClient), schema });
  let closed = false;
  return {
    db,
    client,
    kind: 'pglite',
    description: dataDir ? `embedded PGlite at ${dataDir}` : 'embedded PGlite in memory',
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
