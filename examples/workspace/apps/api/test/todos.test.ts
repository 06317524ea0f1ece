import { db, TodoQueries, withTenant } from 'database';
import { todos } from 'database/schema';
import { factories } from 'database/testing';
import { expect, it } from 'vitest';

it('lists the 2 todos this test created', async () => {
  const todo = await factories.todos.create();
  await withTenant(todo.tenantId, () => TodoQueries.create({ userId: todo.userId, title: 'Second' }));
  const page = await TodoQueries.list({}, { tenantId: todo.tenantId });
  expect(page.items.map((item) => item.title).sort()).toEqual([todo.title, 'Second'].sort());
});

it('finds 0 todos rows after the previous test: each test is rolled back', async () => {
  expect(await db.select().from(todos)).toHaveLength(0);
});
