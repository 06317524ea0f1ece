import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { CreateTodoSchema, CreateUserActivityDailySchema } from '../../src/dto/index.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { UserActivityDailyQueries } from '../../src/queries/features/user-activity-daily.js';
import { parseId } from '../../src/queries/_lib/validate.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import { DB_RUNS, assertHolds } from '../support/properties.js';
import { anyCase } from './arbitraries/fields.js';
import { factories } from '../../src/testing/index.js';

// UUIDs in any case in the features domain's writes and reads (the rule: test/properties/uuid-case.test.ts).

const variants = (id: string) => anyCase(fc.constant(id));

describe('UUIDs in any case', () => {
  let tenantId: string;
  let userId: string;

  beforeEach(async () => {
    tenantId = (await factories.tenants.create()).id;
    userId = (await factories.user.create()).id;
  });

  it('50 to TodoQueries.createMany (user and tenant scope): the stored rows hold the parsed ids', async () => {
    const count = await assertHolds(fc.tuple(variants(userId), variants(tenantId)), async ([user, tenant]) => {
      const input = { userId: user, title: 'many' };
      expect(await TodoQueries.createMany([input], { tenantId: tenant })).toBe(1);
      const stored = await db
        .select()
        .from(todos)
        .where(eq(todos.tenantId, parseId('Todo', tenant)));
      for (const row of stored) expect(row).toMatchObject({ ...CreateTodoSchema.parse(input), tenantId });
    });
    expect(count).toBe(DB_RUNS);
  });

  it('50 to UserActivityDailyQueries.increment / forUser: the counter holds the parsed ids', async () => {
    const count = await assertHolds(fc.tuple(variants(userId), variants(tenantId)), async ([user, tenant]) => {
      const input = { userId: user, tenantId: tenant, day: '2026-03-01' };
      const expected = CreateUserActivityDailySchema.parse(input);
      const total = await UserActivityDailyQueries.increment(user, tenant, input.day);
      expect(await UserActivityDailyQueries.forUser(user, input.day, input.day)).toEqual([
        expect.objectContaining({ userId: expected.userId, tenantId: expected.tenantId, eventCount: total }),
      ]);
    });
    expect(count).toBe(DB_RUNS);
  });

  it('50 to TodoQueries.getById (id and tenant scope): the row comes back', async () => {
    const todo = await TodoQueries.create({ userId, title: 'read me' }, { tenantId });
    const count = await assertHolds(fc.tuple(variants(todo.id), variants(tenantId)), async ([id, tenant]) => {
      expect(await TodoQueries.getById(id, { tenantId: tenant })).toEqual(todo);
    });
    expect(count).toBe(DB_RUNS);
  });
});
