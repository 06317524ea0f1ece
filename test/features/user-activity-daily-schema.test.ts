import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { user } from '../../src/schema/tables/auth/user.js';
import { userActivityDaily } from '../../src/schema/tables/features/user-activity-daily.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';
import { violation } from '../support/constraint-violation.js';
import { factories } from '../../src/testing/index.js';

let userId: string;
let tenantId: string;

beforeEach(async () => {
  userId = (await factories.user.create()).id;
  tenantId = (await factories.tenants.create()).id;
});

const insert = (values: Partial<typeof userActivityDaily.$inferInsert> = {}) =>
  db
    .insert(userActivityDaily)
    .values({ userId, tenantId, day: '2030-01-02', eventCount: 1, ...values })
    .returning();

const rowsOf = (id: string) => db.select().from(userActivityDaily).where(eq(userActivityDaily.userId, id));

describe('user_activity_daily table', () => {
  it('one row per (user, tenant, day), NULL tenant included', async () => {
    await insert();
    const unique = { constraint: 'user_activity_daily_user_day_tenant_unique' };
    expect(await violation(() => insert())).toMatchObject(unique);
    await insert({ tenantId: null });
    // NULLS NOT DISTINCT: a second (user, NULL, day) is a duplicate too
    expect(await violation(() => insert({ tenantId: null }))).toMatchObject(unique);
    await insert({ day: '2030-01-03' });
    expect(await rowsOf(userId)).toHaveLength(3);
  });

  it('the upsert can target the unique key with a NULL tenant', async () => {
    for (let i = 0; i < 2; i++) {
      await db.execute(sql`insert into user_activity_daily (user_id, tenant_id, day, event_count)
        values (${userId}, null, '2030-01-02', 2)
        on conflict (user_id, day, tenant_id) do update set event_count = user_activity_daily.event_count + excluded.event_count`);
    }
    const rows = await rowsOf(userId);
    expect(rows.map((r) => r.eventCount)).toEqual([4]);
  });

  it('event_count is never negative', async () => {
    expect(await violation(() => insert({ eventCount: -1 }))).toMatchObject({
      constraint: 'user_activity_daily_event_count_non_negative',
    });
  });

  it('updated_at is moved by the trigger, also by ON CONFLICT DO UPDATE', async () => {
    const [row] = await insert();
    await db.execute(sql`insert into user_activity_daily (user_id, tenant_id, day, event_count)
      values (${userId}, ${tenantId}, '2030-01-02', 1)
      on conflict (user_id, day, tenant_id) do update set event_count = user_activity_daily.event_count + 1`);
    const [after] = await rowsOf(userId);
    expect(after!.eventCount).toBe(2);
    expect(after!.updatedAt.getTime()).toBeGreaterThan(row!.updatedAt.getTime());
  });

  it('deleting the user or the tenant deletes their rows', async () => {
    await insert();
    await insert({ tenantId: null, day: '2030-01-05' });
    await db.delete(tenants).where(eq(tenants.id, tenantId));
    expect((await rowsOf(userId)).map((r) => r.tenantId)).toEqual([null]);
    await db.delete(user).where(eq(user.id, userId));
    expect(await rowsOf(userId)).toEqual([]);
  });

  it('relations: user and tenant load their activity rows, and a row its parents', async () => {
    const [row] = await insert();
    const loaded = await db.query.user.findFirst({ where: eq(user.id, userId), with: { userActivityDaily: true } });
    // Runtime merges relations() split over domains; drizzle's types see a union of them, hence the casts.
    type WithActivity = { userActivityDaily: { id: string }[] };
    expect((loaded as unknown as WithActivity).userActivityDaily.map((r) => r.id)).toEqual([row!.id]);
    const tenant = await db.query.tenants.findFirst({
      where: eq(tenants.id, tenantId),
      with: { userActivityDaily: true },
    });
    expect((tenant as unknown as WithActivity).userActivityDaily.map((r) => r.id)).toEqual([row!.id]);
    const withParents = await db.query.userActivityDaily.findFirst({
      where: eq(userActivityDaily.id, row!.id),
      with: { user: true, tenant: true },
    });
    expect([withParents?.user.id, withParents?.tenant?.id]).toEqual([userId, tenantId]);
  });
});
