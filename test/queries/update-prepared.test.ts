import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithExecutor } from '../../src/client/executor.js';
import { NotFoundError } from '../../src/errors/classes.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';

// TodoQueries.update runs an update prepared per set of columns the input sets (null part of the statement, other
// values placeholders mapped by their columns) and per executor; the id and tenant are placeholders of its where.
// Outside the test transaction the statements are reused, so each shape runs twice in a row and in turn.

let target: IsolatedDatabase;
let tenantId: string;
let otherTenant: string;
let userId: string;

beforeAll(async () => {
  target = await isolatedDatabase({ poolMax: 1 });
  await runWithExecutor(target.db, async () => {
    tenantId = (await factories.tenants.create()).id;
    otherTenant = (await factories.tenants.create()).id;
    userId = (await factories.user.create()).id;
  });
});

afterAll(async () => {
  await target?.close();
});

const changes = [
  { title: 'renamed' },
  { description: 'a "quoted" {description}', dueAt: new Date('2026-03-29T01:30:00.123Z') },
  { description: null },
  { completed: true, dueAt: null },
  {},
  { title: 'all', description: 'd', completed: false, dueAt: new Date('9999-12-31T23:59:59.999Z') },
];

describe('TodoQueries.update prepared per column set', () => {
  it('each shape, twice and in turn, sets exactly its columns to its values, in the caller tenant only', async () => {
    await runWithExecutor(target.db, async () => {
      const scope = { tenantId };
      const todo = await TodoQueries.create({ userId, title: 'start', description: 'x' }, scope);
      let expected: Record<string, unknown> = { ...todo };
      for (const change of [...changes, ...changes]) {
        const updated = await TodoQueries.update(todo.id, change, scope);
        expected = { ...expected, ...change };
        const { updatedAt: _a, ...rest } = updated;
        const { updatedAt: _b, ...wanted } = expected;
        expect(rest, JSON.stringify(change)).toEqual(wanted);
        expect(await TodoQueries.getById(todo.id, scope)).toEqual(updated);
      }
      await expect(TodoQueries.update(todo.id, { title: 'x' }, { tenantId: otherTenant })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(TodoQueries.update(todo.id, {}, { tenantId: otherTenant })).rejects.toBeInstanceOf(NotFoundError);
      await TodoQueries.softDelete(todo.id, scope);
      await expect(TodoQueries.update(todo.id, { title: 'x' }, scope)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
