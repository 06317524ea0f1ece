import { and, eq, isNull } from 'drizzle-orm';
import { bindDatabase } from '../../src/client/executor.js';
import { newestFirst } from '../../src/queries/_lib/keyset.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { seedTenant, type BenchDatabase } from '../lib/databases.js';
import { cursorAfter } from '../lib/keyset-cursor.js';
import { compareThroughput, msPerOp } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';

// One tenant with 1,000,000 todos (generate_series, not measured). Page 1,000 by keyset should cost what page 1 costs;
// OFFSET at the same depth reads and throws away 49,950 rows.

const LIMIT = 50;

async function measure(context: BenchContext, database: BenchDatabase): Promise<CaseResult[]> {
  const total = context.pick(1_000_000, 5_000);
  const page = context.pick(1_000, 50);
  const depth = (page - 1) * LIMIT;
  context.progress(`      seeding ${total.toLocaleString('en-US')} todos on ${database.kind}...`);
  const seedStarted = performance.now();
  const { tenantId } = await seedTenant(database, { todos: total, keepIds: 1 });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  context.progress(`      seeded in ${seedSeconds.toFixed(1)} s; measuring...`);
  const cursor = await cursorAfter(database, tenantId, depth);
  const db = database.kind === 'postgres' ? database.prepared.db : database.handle.db;
  bindDatabase(db);
  const scope = { tenantId };
  const keysetDeep = () => TodoQueries.list({ limit: LIMIT, cursor }, scope);
  const counts = { rounds: context.pick(5, 1), opsPerRound: context.pick(50, 3), warmupOps: 3 };
  const vsFirst = await compareThroughput({
    ...counts,
    ours: keysetDeep,
    baseline: () => TodoQueries.list({ limit: LIMIT }, scope),
  });
  const vsOffset = await compareThroughput({
    ...counts,
    opsPerRound: context.pick(20, 2),
    ours: keysetDeep,
    baseline: () =>
      db
        .select()
        .from(todos)
        .where(and(eq(todos.tenantId, tenantId), isNull(todos.deletedAt)))
        .orderBy(...newestFirst(todos))
        .limit(LIMIT + 1)
        .offset(depth),
  });
  bindDatabase(null);
  const size = `${total.toLocaleString('en-US')} rows`;
  return [
    row({
      case: `keyset page ${page} vs page 1 (${size})`,
      database: database.kind,
      ours: { label: `keyset page ${page}`, value: msPerOp(vsFirst.ours), unit: 'ms' },
      baseline: { label: 'keyset page 1', value: msPerOp(vsFirst.baseline), unit: 'ms' },
      ratio: 1 / vsFirst.ratio,
      goal: { kind: 'max-ratio', value: 1.5 },
      note: `seeding ${size} took ${seedSeconds.toFixed(1)} s (setup, not measured)`,
    }),
    row({
      case: `keyset vs offset at page ${page}`,
      database: database.kind,
      ours: { label: `keyset page ${page}`, value: msPerOp(vsOffset.ours), unit: 'ms' },
      baseline: { label: `offset ${depth.toLocaleString('en-US')}`, value: msPerOp(vsOffset.baseline), unit: 'ms' },
      ratio: 1 / vsOffset.ratio,
      goal: { kind: 'report' },
    }),
  ];
}

export const keysetCase: BenchCase = {
  name: 'keyset',
  description: 'keyset page 1,000 vs page 1 and vs OFFSET, one tenant with 1,000,000 todos',
  async run(context) {
    return [
      ...(context.postgres ? await measure(context, context.postgres) : []),
      ...(await measure(context, context.pglite)),
    ];
  },
};
