import { bindDatabase } from '../../src/client/executor.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { seedTenant, type BenchDatabase } from '../lib/databases.js';
import { compareThroughput } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';

// The other domains' per-request paths (session by token, membership check, unread badge, outbox claim), each
// against the statement Drizzle generates for it, run by hand on the raw driver.

const CLAIM_BATCH = 10;

/** The table's columns in schema order, as Drizzle's `select()` lists them (setup, not measured). */
async function columnsOf(database: BenchDatabase, table: string): Promise<string> {
  const [row] = await database.query<{ columns: string }>(
    `select string_agg(quote_ident(column_name), ', ' order by ordinal_position) as columns
     from information_schema.columns where table_schema = current_schema() and table_name = $1`,
    [table],
  );
  return row!.columns;
}

interface HotPath {
  name: string;
  ours: () => Promise<unknown>;
  sql: string;
  params: unknown[];
  /** Consumes pending events (the outbox claim). */
  claims?: boolean;
}

async function hotPaths(database: BenchDatabase, claims: number): Promise<HotPath[]> {
  const tenant = await seedTenant(database, { todos: 0, members: 20 });
  const scope = { tenantId: tenant.tenantId };
  const [session] = await database.query<{ token: string }>(
    `insert into session (user_id, token, expires_at) values ($1, 'bench-' || gen_random_uuid(), now() + interval '1 day')
     returning token`,
    [tenant.userId],
  );
  await database.query(
    `insert into notifications (tenant_id, user_id, type, title, read_at)
     select $1, $2, 'todo.assigned', 'Bench ' || i, case when i % 4 = 0 then now() end from generate_series(1, 200) i`,
    [tenant.tenantId, tenant.userId],
  );
  await database.query(
    `insert into domain_events (aggregate_type, aggregate_id, event_type)
     select 'bench', gen_random_uuid()::text, 'bench.happened' from generate_series(1, $1::int)`,
    [claims * CLAIM_BATCH],
  );
  const token = session!.token;
  return [
    {
      name: 'SessionQueries.findByToken',
      ours: () => SessionQueries.findByToken(token),
      sql: `select ${await columnsOf(database, 'session')} from session where token = $1 and expires_at > now() limit 1`,
      params: [token],
    },
    {
      name: 'TenantMemberQueries.findByUserId',
      ours: () => TenantMemberQueries.findByUserId(tenant.userId, scope),
      sql: `select ${await columnsOf(database, 'tenant_members')} from tenant_members where tenant_id = $1 and user_id = $2 limit 1`,
      params: [tenant.tenantId, tenant.userId],
    },
    {
      name: 'NotificationQueries.unreadCount',
      ours: () => NotificationQueries.unreadCount(tenant.userId, scope),
      sql: 'select count(*) from notifications where user_id = $1 and tenant_id = $2 and read_at is null',
      params: [tenant.userId, tenant.tenantId],
    },
    {
      name: `DomainEventQueries.claimBatch(${CLAIM_BATCH})`,
      ours: () => DomainEventQueries.claimBatch(CLAIM_BATCH, { leaseSeconds: 300 }),
      sql: `update domain_events set attempts = attempts + 1, claimed_until = clock_timestamp() + $1::integer * interval '1 second'
        where id in (select id from domain_events where status = 'pending' and (claimed_until is null or claimed_until <= clock_timestamp())
          order by created_at asc, id asc limit $2 for update skip locked)
        returning ${await columnsOf(database, 'domain_events')}`,
      params: [300, CLAIM_BATCH],
      claims: true,
    },
  ];
}

async function measure(context: BenchContext, database: BenchDatabase): Promise<CaseResult[]> {
  const counts = { rounds: context.pick(5, 2), opsPerRound: context.pick(200, 10) };
  // Every claim takes CLAIM_BATCH events for good, on both sides (claimed events stay in the pending index until
  // published, so each claim scans the earlier ones: fewer calls keep the case short).
  const claimCounts = { rounds: counts.rounds, opsPerRound: context.pick(40, 10) };
  const claims = 2 * (claimCounts.opsPerRound + claimCounts.rounds * claimCounts.opsPerRound) + 10;
  const paths = await hotPaths(database, claims);
  bindDatabase(database.kind === 'postgres' ? database.prepared.db : database.handle.db);
  const results: CaseResult[] = [];
  for (const path of paths) {
    const baseline =
      database.kind === 'postgres'
        ? () => database.prepared.client.unsafe(path.sql, path.params as never[], { prepare: true })
        : () => database.client.query(path.sql, path.params);
    const comparison = await compareThroughput({ ...(path.claims ? claimCounts : counts), ours: path.ours, baseline });
    results.push(
      row({
        case: path.name,
        database: database.kind,
        ours: { label: path.name, value: comparison.ours, unit: 'ops/s' },
        baseline: {
          label: database.kind === 'postgres' ? 'postgres.js unsafe (prepared)' : 'PGlite query()',
          value: comparison.baseline,
          unit: 'ops/s',
        },
        ratio: comparison.ratio,
        goal: { kind: 'min-ratio', value: database.kind === 'postgres' ? 0.95 : 0.9 },
      }),
    );
  }
  bindDatabase(null);
  return results;
}

export const hotPathsCase: BenchCase = {
  name: 'hot-paths',
  description: 'session by token, membership check, unread count, outbox claim vs the same statement on the raw driver',
  async run(context) {
    return [
      ...(context.postgres ? await measure(context, context.postgres) : []),
      ...(await measure(context, context.pglite)),
    ];
  },
};
