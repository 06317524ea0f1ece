import { expect, it } from 'vitest';
import { CreateTodoSchema, CreateUserActivityDailySchema, TodoFilterSchema } from '../../src/dto/index.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { factories } from '../../src/testing/index.js';

// Upper-case UUIDs in the features domain parse to the lower case Postgres stores (the rule and the core domains:
// test/dto/uuid-case.test.ts).

const id = '0198C0DE-ABCD-7EF0-8123-4567890ABCDE';

it("the features DTOs' id fields parse to lower case", () => {
  expect(CreateTodoSchema.parse({ userId: id, title: 'x' }).userId).toBe(id.toLowerCase());
  expect(TodoFilterSchema.parse({ userId: id }).userId).toBe(id.toLowerCase());
  expect(CreateUserActivityDailySchema.shape.tenantId.parse(id)).toBe(id.toLowerCase());
});

it('TodoQueries.create given upper-case ids returns, and stores, what its DTO parsed', async () => {
  const tenantId = (await factories.tenants.create()).id;
  const userId = (await factories.user.create()).id;
  const input = { userId: userId.toUpperCase(), title: 'x' };
  const todo = await TodoQueries.create(input, { tenantId: tenantId.toUpperCase() });
  expect(todo.userId).toBe(CreateTodoSchema.parse(input).userId);
  expect(await TodoQueries.getById(todo.id.toUpperCase(), { tenantId })).toEqual(todo);
});
