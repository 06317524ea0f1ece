import { beforeEach, describe, expect, it } from 'vitest';
import type { Todo } from '../../src/dto/features/todo.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { factories } from '../../src/testing/index.js';

// TodoQueries.list runs one prepared select per filter shape (which filters, cursor and withDeleted are present),
// values as placeholders mapped by their columns. Every shape, called in turn on the same executor, must return
// exactly the rows its filters select: a shape key that forgot a part would reuse another shape's statement, and
// a placeholder that skipped its column's mapping would compare the wrong value.

const DAY = 86_400_000;
const base = new Date('2026-06-01T12:00:00.123Z');
let tenantId: string;
let owner: string;
let other: string;
let all: Todo[];

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  owner = (await factories.user.create()).id;
  other = (await factories.user.create()).id;
  const scope = { tenantId };
  for (let i = 0; i < 12; i++) {
    const todo = await TodoQueries.create(
      {
        userId: i % 3 === 0 ? other : owner,
        title: `todo ${i}`,
        completed: i % 2 === 0,
        dueAt: i % 4 === 3 ? null : new Date(base.getTime() + (i - 6) * DAY),
      },
      scope,
    );
    if (i % 5 === 4) await TodoQueries.softDelete(todo.id, scope);
  }
  all = (await TodoQueries.list({ limit: 200 }, { tenantId, withDeleted: true })).items;
  expect(all).toHaveLength(12);
});

const shapes = Array.from({ length: 32 }, (_, bits) => ({
  userId: (bits & 1) !== 0,
  completed: (bits & 2) !== 0,
  dueBefore: (bits & 4) !== 0,
  cursor: (bits & 8) !== 0,
  withDeleted: (bits & 16) !== 0,
}));

describe('TodoQueries.list prepared per filter shape', () => {
  it('every one of the 32 shapes returns exactly the rows its filters select, in keyset order', async () => {
    // Exactly a due date: lte must include it, so a due date mapped with the wrong precision or zone shows.
    const dueBefore = new Date(base.getTime() + 1 * DAY);
    const after = all[3]!;
    const cursor = (await TodoQueries.list({ limit: 4 }, { tenantId, withDeleted: true })).nextCursor!;
    for (const shape of shapes) {
      const filter = {
        ...(shape.userId ? { userId: owner.toUpperCase() } : {}),
        ...(shape.completed ? { completed: false } : {}),
        ...(shape.dueBefore ? { dueBefore } : {}),
      };
      const page = await TodoQueries.list(
        { filter, limit: 200, ...(shape.cursor ? { cursor } : {}) },
        { tenantId, withDeleted: shape.withDeleted },
      );
      const expected = all.filter(
        (t, index) =>
          (shape.withDeleted || t.deletedAt === null) &&
          (!shape.userId || t.userId === owner) &&
          (!shape.completed || !t.completed) &&
          (!shape.dueBefore || (t.dueAt !== null && t.dueAt.getTime() <= dueBefore.getTime())) &&
          (!shape.cursor || index > all.indexOf(after)),
      );
      expect(
        page.items.map((t) => t.title),
        JSON.stringify(shape),
      ).toEqual(expected.map((t) => t.title));
    }
  });

  it('a Date filter and a cursor round-trip to the millisecond, on either side of the boundary', async () => {
    const due = all.find((t) => t.dueAt !== null && t.deletedAt === null)!;
    const at = due.dueAt!;
    const titles = async (dueBefore: Date) =>
      (await TodoQueries.list({ filter: { dueBefore }, limit: 200 }, { tenantId })).items.map((t) => t.title);
    expect(await titles(at)).toContain(due.title);
    expect(await titles(new Date(at.getTime() - 1))).not.toContain(due.title);
    const first = await TodoQueries.list({ limit: 1 }, { tenantId, withDeleted: true });
    const rest = await TodoQueries.list({ limit: 200, cursor: first.nextCursor! }, { tenantId, withDeleted: true });
    expect([...first.items, ...rest.items].map((t) => t.id)).toEqual(all.map((t) => t.id));
  });
});
