import { bindDatabase } from '../../src/client/executor.js';
import { createPgliteDatabase } from '../../src/client/pglite.js';
import type { Database } from '../../src/client/types.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { loadSnapshot } from '../../src/testing/pglite-snapshot.js';
import { openRollbackTransaction } from '../../src/testing/rollback-transaction.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { seedTenant, type BenchDatabase } from '../lib/databases.js';
import { compareThroughput, medianMs, msPerOp } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';

// What one test pays for isolation: the rollback helper (open a transaction, bind it, write, roll back) vs a fresh
// PGlite loaded from the migrated snapshot (what `isolatedDatabase()` gives a test that must commit).

async function rollbackTest(db: Database, tenantId: string, userId: string) {
  const open = await openRollbackTransaction(db);
  bindDatabase(open.tx);
  try {
    await TodoQueries.create({ userId, title: 'In a test' }, { tenantId });
  } finally {
    bindDatabase(db);
    await open.rollback();
  }
}

async function freshPgliteTest(snapshot: Blob) {
  const handle = createPgliteDatabase(null, { loadDataDir: snapshot });
  try {
    await handle.db.execute('select 1');
  } finally {
    await handle.close();
  }
}

async function onPglite(context: BenchContext, database: BenchDatabase & { kind: 'pglite' }): Promise<CaseResult> {
  const { tenantId, userId } = await seedTenant(database, { todos: 0 });
  const snapshot = loadSnapshot(database.snapshotPath);
  // A fresh instance costs ~1,000 rollbacks: interleave rounds, but with far fewer fresh instances per round.
  const rounds = context.pick(3, 1);
  const rollbackMs: number[] = [];
  const freshMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    rollbackMs.push(await medianMs(() => rollbackTest(database.handle.db, tenantId, userId), context.pick(100, 5)));
    freshMs.push(await medianMs(() => freshPgliteTest(snapshot), context.pick(2, 1)));
  }
  bindDatabase(null);
  const ours = rollbackMs.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
  const baseline = freshMs.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
  return row({
    case: 'test isolation, per test',
    database: 'pglite',
    ours: { label: 'rollback helper', value: ours, unit: 'ms' },
    baseline: { label: 'new PGlite from snapshot', value: baseline, unit: 'ms' },
    ratio: ours / baseline,
    goal: { kind: 'max', value: 30 },
    note: 'a test = open the helper (or the instance), one TodoQueries.create, roll back (or close)',
  });
}

async function onPostgres(context: BenchContext, database: BenchDatabase & { kind: 'postgres' }): Promise<CaseResult> {
  const { tenantId, userId } = await seedTenant(database, { todos: 0 });
  bindDatabase(database.prepared.db);
  const comparison = await compareThroughput({
    rounds: context.pick(5, 1),
    opsPerRound: context.pick(60, 3),
    ours: () => rollbackTest(database.prepared.db, tenantId, userId),
    baseline: () => TodoQueries.create({ userId, title: 'No isolation' }, { tenantId }),
  });
  bindDatabase(null);
  return row({
    case: 'test isolation, per test',
    database: 'postgres',
    ours: { label: 'rollback helper + create', value: msPerOp(comparison.ours), unit: 'ms' },
    baseline: { label: 'bare create, no isolation', value: msPerOp(comparison.baseline), unit: 'ms' },
    ratio: 1 / comparison.ratio,
    goal: { kind: 'max', value: 30 },
  });
}

export const testIsolationCase: BenchCase = {
  name: 'test-isolation',
  description: 'per-test cost of the rollback helper vs a new PGlite instance per test',
  async run(context) {
    return [
      ...(context.postgres ? [await onPostgres(context, context.postgres)] : []),
      await onPglite(context, context.pglite),
    ];
  },
};
