import { randomUUID } from 'node:crypto';
import { DrizzleQueryError, eq, sql } from 'drizzle-orm';
import { npmVersion } from 'drizzle-orm/version';
import { describe, expect, inject, it } from 'vitest';
import { currentExecutor } from '../../src/client/executor.js';
import { ForeignKeyError } from '../../src/errors/classes.js';
import { withDirectExecute } from '../../src/queries/_lib/direct-execute.js';
import { withColumnRowMapper } from '../../src/queries/_lib/row-mapper.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import { factories } from '../../src/testing/index.js';

// withDirectExecute runs a prepared postgres.js query without Drizzle's pass-through execute layers. It must return
// what Drizzle's execute returns and fail as it fails: a DrizzleQueryError whose cause is the driver's error.

const source = inject('testDatabase');

/** On Drizzle 1.0 the helper steps aside: Drizzle's own execute takes the same path there (`fastPath`). */
const runsDirect = (prepared: object) =>
  npmVersion.startsWith('0.')
    ? Object.hasOwn(prepared, 'execute')
    : (prepared as { fastPath?: unknown }).fastPath === true;

const preparedInsert = () =>
  withDirectExecute(
    withColumnRowMapper(
      currentExecutor()
        .insert(todos)
        .values({
          tenantId: sql.placeholder('tenantId'),
          userId: sql.placeholder('userId'),
          title: sql.placeholder('title'),
        })
        .returning()
        .prepare('direct_execute_insert'),
    ),
  );

describe.skipIf(source.kind !== 'postgres')('withDirectExecute (postgres.js)', () => {
  it('returns the rows Drizzle returns, mapped the same', async () => {
    const todo = await factories.todos.create({ dueAt: new Date('2026-03-29T01:30:00.123Z') });
    const built = currentExecutor()
      .select()
      .from(todos)
      .where(eq(todos.id, sql.placeholder('id')));
    const direct = withDirectExecute(withColumnRowMapper(built.prepare('direct_execute_select')));
    expect(runsDirect(direct)).toBe(true);
    expect(await direct.execute({ id: todo.id })).toEqual(await built.execute({ id: todo.id }));
  });

  it("fails as Drizzle fails: a DrizzleQueryError with the driver's error as its cause", async () => {
    const tenantId = (await factories.tenants.create()).id;
    // Through the query object first (its savepoint keeps the test's transaction usable), then the bare query.
    await expect(TodoQueries.create({ userId: randomUUID(), title: 'orphan' }, { tenantId })).rejects.toBeInstanceOf(
      ForeignKeyError,
    );
    const error = await preparedInsert()
      .execute({ tenantId, userId: randomUUID(), title: 'orphan' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrizzleQueryError);
    expect((error as DrizzleQueryError).cause).toMatchObject({ code: '23503' });
  });
});

describe.skipIf(source.kind === 'postgres')('withDirectExecute (PGlite)', () => {
  it("leaves PGlite's prepared queries to Drizzle", () => {
    expect(Object.hasOwn(preparedInsert(), 'execute')).toBe(false);
  });
});
