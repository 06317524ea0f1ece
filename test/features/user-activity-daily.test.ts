import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { UserActivityDailySchema, type UserActivityDaily } from '../../src/dto/features/user-activity-daily.js';
import { CheckViolationError, ForeignKeyError, ValidationError } from '../../src/errors/classes.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { UserActivityDailyQueries } from '../../src/queries/features/user-activity-daily.js';
import { user } from '../../src/schema/tables/auth/user.js';
import { userActivityDaily } from '../../src/schema/tables/features/user-activity-daily.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';

let userId: string;
let tenantId: string;
beforeEach(async () => {
  userId = (await factories.user.create()).id;
  tenantId = (await factories.tenants.create()).id;
});

describe('UserActivityDailyQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<UserActivityDaily>().toEqualTypeOf<typeof userActivityDaily.$inferSelect>();
  });

  it('increment past the int4 range is a CheckViolationError, not a raw driver error', async () => {
    await UserActivityDailyQueries.increment(userId, tenantId, '2030-01-03');
    await db
      .update(userActivityDaily)
      .set({ eventCount: 2_147_483_000 })
      .where(sql`${userActivityDaily.userId} = ${userId}`);
    await expect(UserActivityDailyQueries.increment(userId, tenantId, '2030-01-03', 1_000)).rejects.toBeInstanceOf(
      CheckViolationError,
    );
  });

  it('increment creates the day at n, then adds, returning the new count', async () => {
    expect(await UserActivityDailyQueries.increment(userId, tenantId, '2030-01-02')).toBe(1);
    expect(await UserActivityDailyQueries.increment(userId, tenantId, '2030-01-02', 4)).toBe(5);
    // a Date counts as its UTC day
    expect(await UserActivityDailyQueries.increment(userId, tenantId, new Date('2030-01-02T23:30:00Z'))).toBe(6);
    const [row] = await UserActivityDailyQueries.forUser(userId, '2030-01-02', '2030-01-02');
    expect(row).toMatchObject({ userId, tenantId, day: '2030-01-02', eventCount: 6 });
    expect(UserActivityDailySchema.parse(row)).toEqual(row);
  });

  it('a NULL tenant is its own single counter per day', async () => {
    await UserActivityDailyQueries.increment(userId, null, '2030-01-02', 2);
    expect(await UserActivityDailyQueries.increment(userId, null, '2030-01-02', 3)).toBe(5);
    expect(await UserActivityDailyQueries.increment(userId, tenantId, '2030-01-02')).toBe(1);
    const rows = await UserActivityDailyQueries.forUser(userId, '2030-01-02', '2030-01-02');
    expect(rows.map((r) => [r.tenantId, r.eventCount])).toEqual([
      [null, 5],
      [tenantId, 1],
    ]);
  });

  it('increment validates before any SQL, and maps an unknown user', async () => {
    const error = await UserActivityDailyQueries.increment('nope', 'nope', '2030-13-40', 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['day', 'n', 'tenantId', 'userId']);
    await expect(UserActivityDailyQueries.increment(userId, tenantId, '2030-01-02', 1.5)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(UserActivityDailyQueries.increment(randomUUID(), null, '2030-01-02')).rejects.toBeInstanceOf(
      ForeignKeyError,
    );
  });

  it('forUser returns the range, inclusive, oldest day first; empty when nothing', async () => {
    for (const day of ['2030-01-01', '2030-01-02', '2030-01-03', '2030-01-04']) {
      await UserActivityDailyQueries.increment(userId, tenantId, day);
    }
    const other = (await factories.user.create()).id;
    await UserActivityDailyQueries.increment(other, tenantId, '2030-01-02');
    const rows = await UserActivityDailyQueries.forUser(userId, '2030-01-02', new Date('2030-01-03T12:00:00Z'));
    expect(rows.map((r) => r.day)).toEqual(['2030-01-02', '2030-01-03']);
    expect(await UserActivityDailyQueries.forUser(userId, '2031-01-01', '2031-01-31')).toEqual([]);
    await expect(UserActivityDailyQueries.forUser(userId, '2030-01-03', '2030-01-02')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(UserActivityDailyQueries.forUser(userId, '2030-01-01', '2031-01-02')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(UserActivityDailyQueries.forUser('nope', '2030-01-01', '2030-01-02')).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("forTenant returns only that tenant's counters, by day then user", async () => {
    const second = (await factories.user.create()).id;
    const otherTenant = (await factories.tenants.create()).id;
    await UserActivityDailyQueries.increment(userId, tenantId, '2030-01-01', 2);
    await UserActivityDailyQueries.increment(second, tenantId, '2030-01-01', 3);
    await UserActivityDailyQueries.increment(second, tenantId, '2030-01-02');
    await UserActivityDailyQueries.increment(userId, otherTenant, '2030-01-01');
    await UserActivityDailyQueries.increment(userId, null, '2030-01-01');
    const rows = await UserActivityDailyQueries.forTenant(tenantId, '2030-01-01', '2030-01-31');
    expect(rows.map((r) => [r.day, r.userId, r.eventCount])).toEqual([
      ['2030-01-01', [userId, second].sort()[0], userId < second ? 2 : 3],
      ['2030-01-01', [userId, second].sort()[1], userId < second ? 3 : 2],
      ['2030-01-02', second, 1],
    ]);
    expect(rows.every((r) => r.tenantId === tenantId)).toBe(true);
    expect(await UserActivityDailyQueries.forTenant(randomUUID(), '2030-01-01', '2030-01-31')).toEqual([]);
    await expect(UserActivityDailyQueries.forTenant('nope', '2030-01-01', '2030-01-02')).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('20 concurrent increments (committed, own database) sum to 20', async () => {
    const handle = await isolatedDatabase({ poolMax: 10 });
    try {
      await runWithExecutor(handle.db, async () => {
        const [member] = await db
          .insert(user)
          .values({ name: 'Grace', email: `grace-${randomUUID()}@example.com` })
          .returning();
        const counts = await Promise.all(
          Array.from({ length: 20 }, () => UserActivityDailyQueries.increment(member!.id, null, '2030-01-02')),
        );
        // every increment saw a distinct count: none was lost or doubled
        expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        const rows = await UserActivityDailyQueries.forUser(member!.id, '2030-01-02', '2030-01-02');
        expect(rows.map((r) => r.eventCount)).toEqual([20]);
      });
    } finally {
      await handle.close();
    }
  });
});
