import { todos } from '../../../schema/tables/features/todo.js';
import { createUserFactory } from '../auth/user.js';
import { createTenantFactory } from '../tenant/tenant.js';
import { defineFactory, fake } from '../_factory.js';

export const createTodoFactory = () =>
  defineFactory({
    build: (): typeof todos.$inferInsert => ({
      tenantId: fake.uuid(),
      userId: fake.uuid(),
      title: `${fake.words(3)}`,
      description: fake.bool() ? fake.words(12) : null,
      completed: fake.bool(0.3),
      dueAt: fake.bool() ? fake.date(fake.int(1, 60)) : null,
    }),
    parents: {
      tenantId: async () => (await createTenantFactory().create()).id,
      userId: async () => (await createUserFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(todos).values(input).returning())[0]!,
  });
