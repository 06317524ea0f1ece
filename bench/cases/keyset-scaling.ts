import fs from 'node:fs';
import path from 'node:path';
import { bindDatabase } from '../../src/client/executor.js';
import { packageRoot } from '../../src/config/database-url.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { seedTenant, type BenchDatabase } from '../lib/databases.js';
import { cursorAfter } from '../lib/keyset-cursor.js';
import { linePlot } from '../lib/line-plot.js';
import { compareThroughput, msPerOp } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';

// How a keyset list() page costs as data grows: one tenant of 10^4, 10^5, 10^6 todos, then one of 100 tenants of
// 10^4 each. Page 1 and page 1,000 (or the tenant's last page when it has fewer) each scenario; goal: flat within
// 1.5x across the scenarios. A full run writes the plot to docs/keyset-scaling.svg (a smoke run to bench/results/).

const LIMIT = 50;

interface Scenario {
  label: string;
  tenants: number;
  rowsPerTenant: number;
}

function scenarios(context: BenchContext): Scenario[] {
  const [small, medium, large] = context.pick([10_000, 100_000, 1_000_000], [500, 1_000, 2_000]);
  return [
    { label: `${small!.toLocaleString('en-US')} rows`, tenants: 1, rowsPerTenant: small! },
    { label: `${medium!.toLocaleString('en-US')} rows`, tenants: 1, rowsPerTenant: medium! },
    { label: `${large!.toLocaleString('en-US')} rows`, tenants: 1, rowsPerTenant: large! },
    {
      label: `${context.pick(100, 3)} tenants x ${small!.toLocaleString('en-US')}`,
      tenants: context.pick(100, 3),
      rowsPerTenant: small!,
    },
  ];
}

interface Point {
  page1: number;
  deep: number;
  deepPage: number;
}

async function measureScenario(context: BenchContext, database: BenchDatabase, scenario: Scenario): Promise<Point> {
  context.progress(`      ${database.kind}: seeding ${scenario.label}...`);
  let tenantId = '';
  for (let i = 0; i < scenario.tenants; i++) {
    tenantId = (await seedTenant(database, { todos: scenario.rowsPerTenant, keepIds: 1 })).tenantId;
  }
  const deepPage = Math.min(1_000, Math.floor(scenario.rowsPerTenant / LIMIT));
  const cursor = await cursorAfter(database, tenantId, (deepPage - 1) * LIMIT);
  const scope = { tenantId };
  const comparison = await compareThroughput({
    rounds: context.pick(5, 1),
    opsPerRound: context.pick(50, 3),
    warmupOps: 3,
    ours: () => TodoQueries.list({ limit: LIMIT, cursor }, scope),
    baseline: () => TodoQueries.list({ limit: LIMIT }, scope),
  });
  return { page1: msPerOp(comparison.baseline), deep: msPerOp(comparison.ours), deepPage };
}

function flatness(values: number[]): number {
  return Math.max(...values) / Math.min(...values);
}

async function measure(context: BenchContext, database: BenchDatabase, all: Scenario[]) {
  bindDatabase(database.kind === 'postgres' ? database.prepared.db : database.handle.db);
  try {
    const points: Point[] = [];
    for (const scenario of all) points.push(await measureScenario(context, database, scenario));
    return points;
  } finally {
    bindDatabase(null);
  }
}

function rows(database: 'postgres' | 'pglite', all: Scenario[], points: Point[]): CaseResult[] {
  const perScenario = points.map((point, i) =>
    row({
      case: `keyset list, ${all[i]!.label} per tenant`,
      database,
      ours: { label: `page ${point.deepPage}`, value: point.deep, unit: 'ms' },
      baseline: { label: 'page 1', value: point.page1, unit: 'ms' },
      ratio: point.deep / point.page1,
      goal: { kind: 'report' },
    }),
  );
  const flat = (name: string, values: number[], smallest: number) =>
    row({
      case: `keyset ${name}: slowest / fastest scenario`,
      database,
      ours: { label: `slowest ${name}`, value: Math.max(...values), unit: 'ms' },
      baseline: { label: `fastest ${name}`, value: smallest, unit: 'ms' },
      ratio: flatness(values),
      goal: { kind: 'max-ratio', value: 1.5 },
    });
  const page1 = points.map((p) => p.page1);
  const deep = points.map((p) => p.deep);
  return [...perScenario, flat('page 1', page1, Math.min(...page1)), flat('deep page', deep, Math.min(...deep))];
}

function writeOutputs(context: BenchContext, all: Scenario[], measured: [string, Point[]][]): void {
  const svg = linePlot({
    title: 'Keyset list(): ms per page of 50 as the data grows',
    yLabel: 'ms per call (median of rounds)',
    xLabels: all.map((s) => s.label),
    series: measured.flatMap(([database, points]) => [
      { name: `${database}, page 1`, values: points.map((p) => p.page1) },
      { name: `${database}, page 1,000`, values: points.map((p) => p.deep) },
    ]),
  });
  const file = context.smoke
    ? path.join(packageRoot, 'bench', 'results', 'keyset-scaling-smoke.svg')
    : path.join(packageRoot, 'docs', 'keyset-scaling.svg');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, svg);
  context.progress(`      plot written to ${path.relative(packageRoot, file)}`);
}

export const keysetScalingCase: BenchCase = {
  name: 'keyset-scaling',
  description: 'keyset list page 1 and page 1,000 at 10^4, 10^5, 10^6 rows per tenant and 100 tenants x 10^4',
  async run(context) {
    const all = scenarios(context);
    const measured: [string, Point[]][] = [];
    const results: CaseResult[] = [];
    for (const database of [context.postgres, context.pglite]) {
      if (!database) continue;
      const points = await measure(context, database, all);
      measured.push([database.kind, points]);
      results.push(...rows(database.kind, all, points));
    }
    writeOutputs(context, all, measured);
    return results;
  },
};
