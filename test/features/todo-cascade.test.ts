import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import { factories } from '../../src/testing/index.js';

// The tenant's cascade to its todos (the tenant domain's own tables: test/tenant/constraints.test.ts).

it("deleting a tenant deletes its todos, and no other tenant's", async () => {
  const [mine, other] = [await factories.todos.create(), await factories.todos.create()];
  await db.execute(sql`delete from tenants where id = ${mine.tenantId}`);
  expect(await db.$count(todos, eq(todos.tenantId, mine.tenantId))).toBe(0);
  expect(await db.$count(todos, eq(todos.tenantId, other.tenantId))).toBe(1);
});
