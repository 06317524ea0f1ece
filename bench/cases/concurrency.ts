import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { bindDatabase } from '../../src/client/executor.js';
import { createPostgresDatabase } from '../../src/client/postgres.js';
import type { Database } from '../../src/client/types.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { uuidv7 } from '../../src/schema/uuidv7.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { compareUnderLoad, type LoadComparison } from '../lib/concurrency.js';
import { seedTenant, type SeededTenant } from '../lib/databases.js';
import { row, type CaseResult } from '../lib/result.js';
import { FIND_LIVE_BY_ID_SQL, LIST_PAGE_SQL, TODO_COLUMNS, cycle } from '../lib/todo-sql.js';

// findById, list and create with 1, 8, 32 and 128 concurrent callers: on PostgreSQL over a pool of 10 (ours and raw
// postgres.js each get their own pool of 10), on PGlite over its one connection. On 2 cores the JavaScript cost
// per call shows most under load: goal >= 0.90x of raw at 32 callers.

const CALLERS = [1, 8, 32, 128];
const POOL = 10;
const LIMIT = 50;
const INSERT_SQL = `insert into todos (id, tenant_id, user_id, title, completed) values ($1, $2, $3, $4, $5) returning ${TODO_COLUMNS}`;

type Raw = (text: string, params: unknown[]) => Promise<unknown>;
type Operation = { name: string; ours: () => Promise<unknown>; baseline: () => Promise<unknown> };

function operations(tenant: SeededTenant, raw: Raw): Operation[] {
  const scope = { tenantId: tenant.tenantId };
  const nextOurs = cycle(tenant.todoIds);
  const nextRaw = cycle(tenant.todoIds);
  return [
    {
      name: 'findById',
      ours: () => TodoQueries.findById(nextOurs(), scope),
      baseline: () => raw(FIND_LIVE_BY_ID_SQL, [nextRaw(), tenant.tenantId]),
    },
    {
      name: 'list',
      ours: () => TodoQueries.list({ filter: { completed: false }, limit: LIMIT }, scope),
      baseline: () => raw(LIST_PAGE_SQL, [tenant.tenantId, false, LIMIT + 1]),
    },
    {
      name: 'create',
      ours: () => TodoQueries.create({ userId: tenant.userId, title: 'Bench todo' }, scope),
      baseline: () => raw(INSERT_SQL, [uuidv7(), tenant.tenantId, tenant.userId, 'Bench todo', false]),
    },
  ];
}

function fmt(ms: number) {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
}

function resultRow(database: 'postgres' | 'pglite', name: string, callers: number, c: LoadComparison): CaseResult {
  return row({
    case: `${name}, ${callers} concurrent caller${callers === 1 ? '' : 's'}`,
    database,
    ours: { label: `TodoQueries.${name}`, value: c.ours.throughput, unit: 'ops/s' },
    baseline: {
      label: database === 'postgres' ? 'postgres.js sql.unsafe' : 'PGlite query()',
      value: c.baseline.throughput,
      unit: 'ops/s',
    },
    ratio: c.ratio,
    goal: callers === 32 ? { kind: 'min-ratio', value: 0.9 } : { kind: 'report' },
    note:
      `p50/p99 ms: ours ${fmt(c.ours.p50)}/${fmt(c.ours.p99)}, ` +
      `baseline ${fmt(c.baseline.p50)}/${fmt(c.baseline.p99)}` +
      (database === 'postgres' ? `; pool of ${POOL} each` : ''),
  });
}

async function measure(
  context: BenchContext,
  database: 'postgres' | 'pglite',
  db: Database,
  tenant: SeededTenant,
  raw: Raw,
): Promise<CaseResult[]> {
  bindDatabase(db);
  const results: CaseResult[] = [];
  try {
    for (const operation of operations(tenant, raw)) {
      for (const callers of context.pick(CALLERS, [1, 8])) {
        const comparison = await compareUnderLoad({
          ...operation,
          callers,
          rounds: context.pick(5, 1),
          callsPerRound: context.pick(Math.max(300, callers * 10), 16),
        });
        results.push(resultRow(database, operation.name, callers, comparison));
      }
    }
  } finally {
    bindDatabase(null);
  }
  return results;
}

async function onPostgres(context: BenchContext): Promise<CaseResult[]> {
  const bench = context.postgres!;
  const tenant = await seedTenant(bench, { todos: 2_000 });
  const ours = createPostgresDatabase(bench.url, { poolMax: POOL });
  const sql = postgres(bench.url, { max: POOL, onnotice: () => {} });
  try {
    const raw: Raw = (text, params) => sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
    return await measure(context, 'postgres', ours.db, tenant, raw);
  } finally {
    await Promise.all([ours.close(), sql.end()]);
  }
}

async function onPglite(context: BenchContext): Promise<CaseResult[]> {
  const bench = context.pglite;
  const tenant = await seedTenant(bench, { todos: 2_000 });
  const client: PGlite = bench.client;
  const raw: Raw = (text, params) => client.query(text, params);
  return measure(context, 'pglite', bench.handle.db, tenant, raw);
}

export const concurrencyCase: BenchCase = {
  name: 'concurrency',
  description: 'findById, list, create with 1/8/32/128 concurrent callers vs the raw driver (pool of 10)',
  async run(context) {
    return [...(context.postgres ? await onPostgres(context) : []), ...(await onPglite(context))];
  },
};
