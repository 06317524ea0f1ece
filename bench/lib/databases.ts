import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { createPgliteDatabase, type PgliteHandle } from '../../src/client/pglite.js';
import { createPostgresDatabase, type PostgresHandle } from '../../src/client/postgres.js';
import { migrate } from '../../src/migrate/index.js';
import { loadSnapshot, migratedPgliteSnapshot } from '../../src/testing/pglite-snapshot.js';
import { databaseUrlFor } from '../../src/testing/source.js';

// The databases a run measures: a throwaway database on the PostgreSQL server (created, migrated, dropped at the
// end), and an in-memory PGlite loaded from the migrated test snapshot.

interface BenchDatabaseBase {
  /** Plain SQL on the raw driver, for setup (not measured). */
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface BenchPostgres extends BenchDatabaseBase {
  kind: 'postgres';
  url: string;
  /** Default client settings (statement preparation on). */
  prepared: PostgresHandle;
  /** The same database with `prepare: false` (what a transaction pooler needs). */
  unprepared: PostgresHandle;
}

export interface BenchPglite extends BenchDatabaseBase {
  kind: 'pglite';
  handle: PgliteHandle;
  client: PGlite;
  snapshotPath: string;
}

export type BenchDatabase = BenchPostgres | BenchPglite;

export async function createBenchPostgres(serverUrl: string): Promise<BenchPostgres> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(serverUrl, name);
  await migrate({ url, log: () => {} });
  const prepared = createPostgresDatabase(url, { poolMax: 4 });
  const unprepared = createPostgresDatabase(url, { poolMax: 4, prepare: false });
  return {
    kind: 'postgres',
    url,
    prepared,
    unprepared,
    query: async (text, params = []) =>
      [...(await prepared.client.unsafe(text, params as postgres.ParameterOrJSON<never>[]))] as never,
    async close() {
      await Promise.all([prepared.close(), unprepared.close()]);
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

export async function createBenchPglite(): Promise<BenchPglite> {
  const snapshotPath = await migratedPgliteSnapshot();
  const handle = createPgliteDatabase(null, { loadDataDir: loadSnapshot(snapshotPath) });
  await handle.client.waitReady;
  return {
    kind: 'pglite',
    handle,
    client: handle.client,
    snapshotPath,
    query: async (text, params) => (await handle.client.query(text, params)).rows as never,
    close: () => handle.close(),
  };
}

/** Is a PostgreSQL server answering at `url`? */
export async function serverAvailable(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

export interface SeededTenant {
  tenantId: string;
  userId: string;
  /** Live todo ids of the tenant, newest first. */
  todoIds: string[];
}

/**
 * A tenant with one owner, `members` more members and `todos` todos (a third of them completed), written with
 * set-based SQL (setup, not a measured case).
 */
export async function seedTenant(
  database: BenchDatabase,
  options: { todos: number; members?: number; keepIds?: number },
): Promise<SeededTenant> {
  const slug = `bench-${randomBytes(6).toString('hex')}`;
  const [tenant] = await database.query<{ id: string }>(
    'insert into tenants (name, slug) values ($1, $2) returning id',
    ['Bench', slug],
  );
  const tenantId = tenant!.id;
  const users = await database.query<{ id: string }>(
    `insert into "user" (name, email)
     select 'Bench user ' || i, $1 || '-' || i || '@example.com' from generate_series(0, $2::int) i returning id`,
    [slug, options.members ?? 0],
  );
  const userId = users[0]!.id;
  await database.query(
    `insert into tenant_members (tenant_id, user_id, role)
     select $1, u, case when n = 1 then 'owner'::tenant_role else 'member'::tenant_role end
     from unnest($2::uuid[]) with ordinality as m(u, n)`,
    [tenantId, users.map((u) => u.id)],
  );
  if (options.todos > 0) {
    await seedTodos(database, [tenantId, userId, options.todos]);
    await database.query('analyze todos');
  }
  const ids = await database.query<{ id: string }>(
    `select id from todos where tenant_id = $1 and deleted_at is null
     order by created_at desc nulls last, id desc nulls last limit $2`,
    [tenantId, options.keepIds ?? 200],
  );
  return { tenantId, userId, todoIds: ids.map((r) => r.id) };
}

// Time-ordered ids (like the app's UUIDv7): random ones would scatter 1,000,000 inserts over the primary-key index.
const SEED_TODOS_SQL = `insert into todos (id, tenant_id, user_id, title, completed, created_at)
  select (lpad(to_hex(extract(epoch from now())::bigint * 1000 - i), 12, '0') || '7000' || '8000'
          || substr(md5($1::text || i), 1, 12))::uuid,
    $1::uuid, $2::uuid, 'Bench todo ' || i, i % 3 = 0, now() - i * interval '1 ms'
  from generate_series(1, $3::int) i`;

/**
 * `session_replication_role = replica` skips the per-row foreign-key triggers (the parents were just inserted):
 * 1,000,000 rows in ~15 s instead of ~60 s on PostgreSQL.
 */
async function seedTodos(database: BenchDatabase, params: [string, string, number]): Promise<void> {
  const replica = 'set local session_replication_role = replica';
  if (database.kind === 'postgres') {
    await database.prepared.client.begin(async (tx) => {
      await tx.unsafe(replica);
      await tx.unsafe(SEED_TODOS_SQL, params);
    });
    return;
  }
  await database.client.transaction(async (tx) => {
    await tx.exec(replica);
    await tx.query(SEED_TODOS_SQL, params);
  });
}
