import type postgres from 'postgres';
import { bindDatabase } from '../../src/client/executor.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { seedTenant } from '../lib/databases.js';
import { compareThroughput } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';
import { FIND_LIVE_BY_ID_SQL, cycle } from '../lib/todo-sql.js';

// Spelled out (not TODO_COLUMNS) so the baseline is one plain tagged query.
function rawFindById(sql: postgres.Sql, id: string, tenantId: string) {
  return sql`select id, tenant_id, user_id, title, description, completed, due_at, created_at, updated_at, deleted_at from todos where id = ${id} and tenant_id = ${tenantId} and deleted_at is null limit 1`;
}

async function onPostgres(context: BenchContext): Promise<CaseResult[]> {
  const database = context.postgres!;
  const tenant = await seedTenant(database, { todos: 2_000 });
  const scope = { tenantId: tenant.tenantId };
  const results: CaseResult[] = [];
  const counts = { rounds: context.pick(5, 2), opsPerRound: context.pick(300, 20) };
  for (const [label, handle] of [
    ['prepare on', database.prepared],
    ['prepare off', database.unprepared],
  ] as const) {
    bindDatabase(handle.db);
    for (const method of ['findById', 'getById'] as const) {
      const nextOurs = cycle(tenant.todoIds);
      const nextRaw = cycle(tenant.todoIds);
      const comparison = await compareThroughput({
        ...counts,
        ours: () => TodoQueries[method](nextOurs(), scope),
        baseline: () => rawFindById(handle.client, nextRaw(), tenant.tenantId),
      });
      results.push(
        row({
          case: `${method} (${label})`,
          database: 'postgres',
          ours: { label: `TodoQueries.${method}`, value: comparison.ours, unit: 'ops/s' },
          baseline: { label: 'postgres.js sql tag', value: comparison.baseline, unit: 'ops/s' },
          ratio: comparison.ratio,
          goal: { kind: 'min-ratio', value: 0.95 },
        }),
      );
    }
  }
  bindDatabase(null);
  return results;
}

async function onPglite(context: BenchContext): Promise<CaseResult[]> {
  const database = context.pglite;
  const tenant = await seedTenant(database, { todos: 2_000 });
  const scope = { tenantId: tenant.tenantId };
  bindDatabase(database.handle.db);
  const results: CaseResult[] = [];
  for (const method of ['findById', 'getById'] as const) {
    const nextOurs = cycle(tenant.todoIds);
    const nextRaw = cycle(tenant.todoIds);
    const comparison = await compareThroughput({
      rounds: context.pick(5, 2),
      opsPerRound: context.pick(300, 20),
      ours: () => TodoQueries[method](nextOurs(), scope),
      baseline: () => database.client.query(FIND_LIVE_BY_ID_SQL, [nextRaw(), tenant.tenantId]),
    });
    results.push(
      row({
        case: method,
        database: 'pglite',
        ours: { label: `TodoQueries.${method}`, value: comparison.ours, unit: 'ops/s' },
        baseline: { label: 'PGlite query()', value: comparison.baseline, unit: 'ops/s' },
        ratio: comparison.ratio,
        goal: { kind: 'min-ratio', value: 0.9 },
      }),
    );
  }
  bindDatabase(null);
  // The profile of the gap, measured in the run: the same raw query() with the per-query `parsers` option that
  // drizzle-orm/pglite passes (timestamps as strings). PGlite then spreads its ~330-entry parser table into a new
  // object for every query, before parsing a single row.
  const nextA = cycle(tenant.todoIds);
  const nextB = cycle(tenant.todoIds);
  const parsers = Object.fromEntries([1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, keep]));
  const options = { rowMode: 'array' as const, parsers };
  const withParsers = await compareThroughput({
    rounds: context.pick(5, 2),
    opsPerRound: context.pick(300, 20),
    ours: () => database.client.query(FIND_LIVE_BY_ID_SQL, [nextA(), tenant.tenantId], options),
    baseline: () => database.client.query(FIND_LIVE_BY_ID_SQL, [nextB(), tenant.tenantId]),
  });
  results.push(
    row({
      case: "profile: query() with drizzle's parsers option",
      database: 'pglite',
      ours: { label: 'PGlite query(.., { parsers })', value: withParsers.ours, unit: 'ops/s' },
      baseline: { label: 'PGlite query()', value: withParsers.baseline, unit: 'ops/s' },
      ratio: withParsers.ratio,
      goal: { kind: 'report' },
    }),
  );
  return results;
}

const keep = (value: string) => value;

export const findByIdCase: BenchCase = {
  name: 'find-by-id',
  description: 'findById / getById vs the same statement on the raw driver',
  async run(context) {
    return [...(context.postgres ? await onPostgres(context) : []), ...(await onPglite(context))];
  },
};
