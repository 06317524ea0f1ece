import { and, eq, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { bindDatabase } from '../../src/client/executor.js';
import { newestFirst } from '../../src/queries/_lib/keyset.js';
import { liveRows } from '../../src/queries/_lib/soft-delete.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { seedTenant, type BenchDatabase } from '../lib/databases.js';
import { compareThroughput } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';
import { LIST_PAGE_SQL } from '../lib/todo-sql.js';

const LIMIT = 50;

function rawListPage(sql: postgres.Sql, tenantId: string) {
  return sql`select id, tenant_id, user_id, title, description, completed, due_at, created_at, updated_at, deleted_at
    from todos where tenant_id = ${tenantId} and deleted_at is null and completed = ${false}
    order by created_at desc nulls last, id desc nulls last limit ${LIMIT + 1}`;
}

async function measure(context: BenchContext, database: BenchDatabase): Promise<CaseResult[]> {
  const tenant = await seedTenant(database, { todos: 5_000 });
  const scope = { tenantId: tenant.tenantId };
  const db = database.kind === 'postgres' ? database.prepared.db : database.handle.db;
  bindDatabase(db);
  const comparison = await compareThroughput({
    rounds: context.pick(5, 2),
    opsPerRound: context.pick(200, 10),
    ours: () => TodoQueries.list({ filter: { completed: false }, limit: LIMIT }, scope),
    baseline: () =>
      database.kind === 'postgres'
        ? rawListPage(database.prepared.client, tenant.tenantId)
        : database.client.query(LIST_PAGE_SQL, [tenant.tenantId, false, LIMIT + 1]),
  });
  // The profile of the gap: list() builds its select on every call (four optional filters and a cursor make 32
  // shapes); the same select prepared once with placeholders shows what building costs.
  const prepared = db
    .select()
    .from(todos)
    .where(
      and(
        eq(todos.tenantId, sql.placeholder('tenantId')),
        liveRows(todos),
        eq(todos.completed, sql.placeholder('completed')),
      ),
    )
    .orderBy(...newestFirst(todos))
    .limit(sql.placeholder('limit'))
    .prepare('bench_list_page');
  const preparedComparison = await compareThroughput({
    rounds: context.pick(5, 2),
    opsPerRound: context.pick(200, 10),
    ours: () => prepared.execute({ tenantId: tenant.tenantId, completed: false, limit: LIMIT + 1 }),
    baseline: () =>
      database.kind === 'postgres'
        ? rawListPage(database.prepared.client, tenant.tenantId)
        : database.client.query(LIST_PAGE_SQL, [tenant.tenantId, false, LIMIT + 1]),
  });
  bindDatabase(null);
  const baselineLabel = database.kind === 'postgres' ? 'postgres.js sql tag' : 'PGlite query()';
  return [
    row({
      case: 'list page of 50, filtered',
      database: database.kind,
      ours: { label: 'TodoQueries.list', value: comparison.ours, unit: 'ops/s' },
      baseline: { label: baselineLabel, value: comparison.baseline, unit: 'ops/s' },
      ratio: comparison.ratio,
      goal: { kind: 'min-ratio', value: database.kind === 'postgres' ? 0.95 : 0.9 },
    }),
    row({
      case: 'profile: the same select, .prepare()d once',
      database: database.kind,
      ours: { label: 'Drizzle prepared select', value: preparedComparison.ours, unit: 'ops/s' },
      baseline: { label: baselineLabel, value: preparedComparison.baseline, unit: 'ops/s' },
      ratio: preparedComparison.ratio,
      goal: { kind: 'report' },
    }),
  ];
}

export const listPageCase: BenchCase = {
  name: 'list-page',
  description: 'a page of 50 with a filter vs the same statement on the raw driver',
  async run(context) {
    return [
      ...(context.postgres ? await measure(context, context.postgres) : []),
      ...(await measure(context, context.pglite)),
    ];
  },
};
