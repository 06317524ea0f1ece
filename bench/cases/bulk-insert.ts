import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bindDatabase } from '../../src/client/executor.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { uuidv7 } from '../../src/schema/uuidv7.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { seedTenant, type BenchDatabase } from '../lib/databases.js';
import { compareThroughput } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';

// N rows through TodoQueries.createMany (DTO-validated, chunks of 1,000 in one transaction) vs the same chunks as raw
// multi-row INSERTs in one transaction, and COPY FROM STDIN as the physical limit.

const CHUNK = 1_000;
const COLUMNS = ['id', 'tenant_id', 'user_id', 'title', 'completed'] as const;

type RawRow = [string, string, string, string, boolean];

function rawRows(n: number, tenantId: string, userId: string): RawRow[] {
  return Array.from({ length: n }, (_, i) => [uuidv7(), tenantId, userId, `Bulk todo ${i}`, i % 2 === 0]);
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK) out.push(rows.slice(start, start + CHUNK));
  return out;
}

function multiRowSql(count: number): string {
  const tuples = Array.from({ length: count }, (_, r) => {
    const base = r * COLUMNS.length;
    return `(${COLUMNS.map((_, c) => `$${base + c + 1}`).join(', ')})`;
  });
  return `insert into todos (${COLUMNS.join(', ')}) values ${tuples.join(', ')}`;
}

async function rawMultiRow(database: BenchDatabase, rows: RawRow[]): Promise<void> {
  if (database.kind === 'postgres') {
    const sql = database.prepared.client;
    await sql.begin(async (tx) => {
      for (const chunk of chunks(rows)) await tx.unsafe(multiRowSql(chunk.length), chunk.flat());
    });
    return;
  }
  await database.client.transaction(async (tx) => {
    for (const chunk of chunks(rows)) await tx.query(multiRowSql(chunk.length), chunk.flat());
  });
}

async function copy(database: BenchDatabase, rows: RawRow[]): Promise<void> {
  const lines = rows.map((r) => `${r[0]}\t${r[1]}\t${r[2]}\t${r[3]}\t${r[4] ? 't' : 'f'}\n`);
  const statement = `copy todos (${COLUMNS.join(', ')}) from`;
  if (database.kind === 'postgres') {
    const sql = database.prepared.client;
    const writable = await sql.unsafe(`${statement} stdin`).writable();
    await pipeline(Readable.from(lines), writable);
    return;
  }
  await database.client.query(`${statement} '/dev/blob'`, [], { blob: new Blob(lines) });
}

async function measure(context: BenchContext, database: BenchDatabase): Promise<CaseResult[]> {
  const n = context.pick(10_000, 500);
  const { tenantId, userId } = await seedTenant(database, { todos: 0 });
  bindDatabase(database.kind === 'postgres' ? database.prepared.db : database.handle.db);
  const inputs = Array.from({ length: n }, (_, i) => ({ userId, title: `Bulk todo ${i}`, completed: i % 2 === 0 }));
  const ours = () => TodoQueries.createMany(inputs, { tenantId });
  const counts = { rounds: context.pick(database.kind === 'postgres' ? 5 : 3, 1), opsPerRound: 1, warmupOps: 1 };
  const vsRaw = await compareThroughput({
    ...counts,
    ours,
    baseline: () => rawMultiRow(database, rawRows(n, tenantId, userId)),
  });
  const vsCopy = await compareThroughput({
    ...counts,
    ours,
    baseline: () => copy(database, rawRows(n, tenantId, userId)),
  });
  bindDatabase(null);
  const label = `createMany ${n.toLocaleString('en-US')}`;
  return [
    row({
      case: `bulk insert ${n.toLocaleString('en-US')} rows`,
      database: database.kind,
      ours: { label, value: vsRaw.ours * n, unit: 'rows/s' },
      baseline: { label: 'raw multi-row insert', value: vsRaw.baseline * n, unit: 'rows/s' },
      ratio: vsRaw.ratio,
      goal: { kind: 'min-ratio', value: database.kind === 'postgres' ? 0.95 : 0.9 },
    }),
    row({
      case: `bulk insert ${n.toLocaleString('en-US')} rows vs COPY`,
      database: database.kind,
      ours: { label, value: vsCopy.ours * n, unit: 'rows/s' },
      baseline: { label: 'COPY', value: vsCopy.baseline * n, unit: 'rows/s' },
      ratio: vsCopy.ratio,
      goal: { kind: 'min-ratio', value: 0.6 },
    }),
  ];
}

export const bulkInsertCase: BenchCase = {
  name: 'bulk-insert',
  description: 'createMany of 10,000 rows vs raw multi-row insert and COPY',
  async run(context) {
    return [
      ...(context.postgres ? await measure(context, context.postgres) : []),
      ...(await measure(context, context.pglite)),
    ];
  },
};
