import { TodoQueries, db } from 'database';
import { CreateTodoSchema } from 'database/dto';
import { todos } from 'database/schema';
import { factories } from 'database/testing';
import { expect, it } from 'vitest';

// Node-side: the form's schema and the database agree. Only this test, never the page, imports past database/dto.

it('the database stores what the form accepts', async () => {
  const todo = await factories.todos.create();
  const input = CreateTodoSchema.parse({ userId: todo.userId, title: 'From the form' });
  await TodoQueries.create(input, { tenantId: todo.tenantId });
  expect((await db.select().from(todos)).map((row) => row.title).sort()).toEqual([todo.title, 'From the form'].sort());
});
