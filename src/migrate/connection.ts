import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { createPgliteDatabase } from '../client/pglite.js';
import { parseDatabaseUrl, type PostgresTarget } from '../config/database-url.js';
import { MigrationError } from '../errors/classes.js';

/** The little a migration run needs: one session, plain statements. */
export interface MigrationConnection {
  readonly description: string;
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters. */
  exec(text: string): Promise<void>;
  /** Holds the migration lock until `release`; resolves once held. `onWait` is called if another runner holds it. */
  lock(onWait: () => void): Promise<void>;
  release(): Promise<void>;
  close(): Promise<void>;
}

// Any constant works as long as every runner uses the same one; this is "drizzle" in ASCII. BigInt() rather than a
// 0x...n literal: an app's tsconfig may target below ES2020 (create-next-app's says ES2017), where a literal fails.
const MIGRATION_LOCK_KEY = BigInt('0x6472697a7a6c65');

/**
 * One dedicated connection (max: 1) for the whole run: a session-level advisory lock belongs to the connection that
 * took it, and drizzle's own migrator takes none, so two runners would race on the same empty database.
 */
export function postgresMigrationConnection(
  url: string | PostgresTarget,
  connectTimeoutSeconds = 10,
): MigrationConnection {
  const target = typeof url === 'object' ? url : parseDatabaseUrl(url);
  if (target.kind !== 'postgres') throw new MigrationError('A migration connection needs a postgres:// URL.');
  if (target.pooler) {
    throw new MigrationError(
      `Refusing to migrate through a transaction pooler (${target.redacted}): it hands each statement to any server ` +
        'connection, so the migration lock and the migration transaction would not hold. Set DIRECT_URL to the direct ' +
        'or session-mode URL (Supabase: port 5432).',
    );
  }
  const sql = postgres(target.connectionUrl, {
    max: 1,
    prepare: false,
    onnotice: () => {},
    connect_timeout: connectTimeoutSeconds,
  });
  const key = MIGRATION_LOCK_KEY.toString();
  return {
    description: target.redacted,
    query: async (text, params = []) =>
      [...(await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[]))] as never,
    exec: async (text) => {
      await sql.unsafe(text);
    },
    async lock(onWait) {
      const [row] = await sql.unsafe<{ locked: boolean }[]>('select pg_try_advisory_lock($1::bigint) as locked', [key]);
      if (row?.locked) return;
      onWait();
      await sql.unsafe('select pg_advisory_lock($1::bigint)', [key]);
    },
    async release() {
      await sql.unsafe('select pg_advisory_unlock($1::bigint)', [key]);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** PGlite has a single connection, and the data-directory lock already keeps other processes out. */
export function pgliteMigrationConnection(client: PGlite, description: string): MigrationConnection {
  return {
    description,
    query: async (text, params) => (await client.query(text, params)).rows as never,
    exec: async (text) => {
      await client.exec(text);
    },
    lock: async () => {},
    release: async () => {},
    close: async () => {},
  };
}

/** Runs `fn` on a migration connection of its own to `url` (`undefined`: the embedded default), closed afterwards. */
export async function withMigrationConnection<T>(
  options: { url: string | undefined; connectTimeoutSeconds?: number },
  fn: (connection: MigrationConnection) => Promise<T>,
): Promise<T> {
  const target = parseDatabaseUrl(options.url);
  if (target.kind === 'postgres') {
    const connection = postgresMigrationConnection(target, options.connectTimeoutSeconds);
    try {
      return await fn(connection);
    } finally {
      await connection.close();
    }
  }
  const handle = createPgliteDatabase(target.dataDir);
  try {
    return await fn(pgliteMigrationConnection(handle.client, handle.description));
  } finally {
    await handle.close();
  }
}
