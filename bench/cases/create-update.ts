import type postgres from 'postgres';
import { bindDatabase } from '../../src/client/executor.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { uuidv7 } from '../../src/schema/uuidv7.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { seedTenant, type BenchDatabase } from '../lib/databases.js';
import { compareThroughput } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';
import { TODO_COLUMNS, cycle } from '../lib/todo-sql.js';

// Ours validates the input with the DTO (trim, length, uuid checks); the raw side sends the values as they are.

const INSERT_SQL = `insert into todos (id, tenant_id, user_id, title, completed) values ($1, $2, $3, $4, $5) returning ${TODO_COLUMNS}`;
const UPDATE_SQL = `update todos set completed = $1 where id = $2 and tenant_id = $3 and deleted_at is null returning ${TODO_COLUMNS}`;

function rawInsert(sql: postgres.Sql, tenantId: string, userId: string) {
  return sql`insert into todos (id, tenant_id, user_id, title, completed)
    values (${uuidv7()}, ${tenantId}, ${userId}, ${'Bench todo'}, ${false})
    returning id, tenant_id, user_id, title, description, completed, due_at, created_at, updated_at, deleted_at`;
}

function rawUpdate(sql: postgres.Sql, id: string, tenantId: string, completed: boolean) {
  return sql`update todos set completed = ${completed} where id = ${id} and tenant_id = ${tenantId} and deleted_at is null
    returning id, tenant_id, user_id, title, description, completed, due_at, created_at, updated_at, deleted_at`;
}

async function measure(context: BenchContext, database: BenchDatabase): Promise<CaseResult[]> {
  const tenant = await seedTenant(database, { todos: 1_000 });
  const { tenantId, userId } = tenant;
  const scope = { tenantId };
  bindDatabase(database.kind === 'postgres' ? database.prepared.db : database.handle.db);
  const counts = { rounds: context.pick(5, 2), opsPerRound: context.pick(150, 10) };
  const goal = { kind: 'min-ratio', value: database.kind === 'postgres' ? 0.95 : 0.9 } as const;
  const baselineLabel = database.kind === 'postgres' ? 'postgres.js sql tag' : 'PGlite query()';

  const create = await compareThroughput({
    ...counts,
    ours: () => TodoQueries.create({ userId, title: 'Bench todo' }, scope),
    baseline: () =>
      database.kind === 'postgres'
        ? rawInsert(database.prepared.client, tenantId, userId)
        : database.client.query(INSERT_SQL, [uuidv7(), tenantId, userId, 'Bench todo', false]),
  });

  const nextOurs = cycle(tenant.todoIds);
  const nextRaw = cycle(tenant.todoIds);
  let flipOurs = false;
  let flipRaw = false;
  const update = await compareThroughput({
    ...counts,
    ours: () => TodoQueries.update(nextOurs(), { completed: (flipOurs = !flipOurs) }, scope),
    baseline: () =>
      database.kind === 'postgres'
        ? rawUpdate(database.prepared.client, nextRaw(), tenantId, (flipRaw = !flipRaw))
        : database.client.query(UPDATE_SQL, [(flipRaw = !flipRaw), nextRaw(), tenantId]),
  });
  bindDatabase(null);

  return [
    row({
      case: 'create',
      database: database.kind,
      ours: { label: 'TodoQueries.create', value: create.ours, unit: 'ops/s' },
      baseline: { label: `${baselineLabel} insert`, value: create.baseline, unit: 'ops/s' },
      ratio: create.ratio,
      goal,
    }),
    row({
      case: 'update',
      database: database.kind,
      ours: { label: 'TodoQueries.update', value: update.ours, unit: 'ops/s' },
      baseline: { label: `${baselineLabel} update`, value: update.baseline, unit: 'ops/s' },
      ratio: update.ratio,
      goal,
    }),
  ];
}

export const createUpdateCase: BenchCase = {
  name: 'create-update',
  description: 'create and update, DTO validation included, vs raw insert/update',
  async run(context) {
    return [
      ...(context.postgres ? await measure(context, context.postgres) : []),
      ...(await measure(context, context.pglite)),
    ];
  },
};
