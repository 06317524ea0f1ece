import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { currentExecutor, runWithExecutor } from '../../src/client/executor.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';

// TodoQueries.create runs an insert prepared per set of columns the input sets, each value a placeholder mapped by
// its column. Every shape must store what Drizzle's built insert stores for the same values, the id ($defaultFn)
// must be fresh on each call, and the database defaults must still apply to the columns left out.

let tenantId: string;
let userId: string;

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  userId = (await factories.user.create()).id;
});

const DYNAMIC = ['id', 'createdAt', 'updatedAt'] as const;
function withoutDynamic<T extends Record<string, unknown>>(row: T) {
  const copy: Record<string, unknown> = { ...row };
  for (const key of DYNAMIC) delete copy[key];
  return copy;
}

const inputs = [
  { title: 'only the title' },
  { title: 'every column', description: 'a description', completed: true, dueAt: new Date('2026-03-29T01:30:00.123Z') },
  { title: 'explicit nulls', description: null, dueAt: null },
  { title: 'a date string', dueAt: '2026-10-25T02:30:00.5+02:00' as unknown as Date, completed: false },
  { title: 'year 9999', dueAt: new Date('9999-12-31T23:59:59.999Z'), description: '' },
];

describe('TodoQueries.create prepared per column set', () => {
  it('stores each shape as the built insert does, and reads it back the same', async () => {
    for (const input of inputs) {
      const created = await TodoQueries.create({ userId, ...input }, { tenantId });
      const [built] = await currentExecutor()
        .insert(todos)
        .values({
          ...input,
          dueAt: input.dueAt === undefined || input.dueAt === null ? input.dueAt : new Date(input.dueAt),
          userId,
          tenantId,
        })
        .returning();
      expect(withoutDynamic(created), input.title).toEqual(withoutDynamic(built!));
      expect(await TodoQueries.getById(created.id, { tenantId })).toEqual(created);
    }
  });

  // Each test runs in a rolled-back transaction, where every write gets a savepoint and so a statement of its own:
  // reuse across calls shows only on a database outside it.
  describe('on a database outside the test transaction, where the prepared insert is reused', () => {
    let target: IsolatedDatabase;
    let scope: { tenantId: string };
    let owner: string;
    beforeAll(async () => {
      target = await isolatedDatabase({ poolMax: 1 });
      await runWithExecutor(target.db, async () => {
        scope = { tenantId: (await factories.tenants.create()).id };
        owner = (await factories.user.create()).id;
      });
    });
    afterAll(async () => {
      await target?.close();
    });

    it('a fresh UUIDv7 id on every call and the database defaults for the columns left out', async () => {
      await runWithExecutor(target.db, async () => {
        const first = await TodoQueries.create({ userId: owner, title: 'same' }, scope);
        const second = await TodoQueries.create({ userId: owner, title: 'same' }, scope);
        expect(first.id).not.toBe(second.id);
        expect(second.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
        expect(second).toMatchObject({ completed: false, description: null, dueAt: null, deletedAt: null });
        expect(second.createdAt).toBeInstanceOf(Date);
      });
    });

    it('each shape twice stores what its input says', async () => {
      await runWithExecutor(target.db, async () => {
        for (const input of [...inputs, ...inputs]) {
          const created = await TodoQueries.create({ userId: owner, ...input }, scope);
          expect(await TodoQueries.getById(created.id, scope)).toEqual(created);
          expect(created.title).toBe(input.title);
          expect(created.dueAt?.getTime() ?? null).toBe(input.dueAt ? new Date(input.dueAt).getTime() : null);
        }
      });
    });
  });
});
