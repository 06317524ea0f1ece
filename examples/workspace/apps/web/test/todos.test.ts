import { db, TodoQueries } from 'database';
import { CreateTodoSchema } from 'database/dto';
import { todos } from 'database/schema';
import { factories } from 'database/testing';
import { expect, it } from 'vitest';

it('stores what the form accepts, and the page lists it in its tenant only', async () => {
  const existing = await factories.todos.create();
  const elsewhere = await factories.todos.create();
  const input = CreateTodoSchema.parse({ userId: existing.userId, title: 'Ship it' });
  await TodoQueries.create(input, { tenantId: existing.tenantId });
  const page = await TodoQueries.list({}, { tenantId: existing.tenantId });
  expect(page.items.map((todo) => todo.title).sort()).toEqual([existing.title, 'Ship it'].sort());
  expect(elsewhere.tenantId).not.toBe(existing.tenantId);
  expect(await db.select().from(todos)).toHaveLength(3);
});
