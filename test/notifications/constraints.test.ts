import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { CheckViolationError, DatabaseError } from '../../src/errors/classes.js';
import { withTransaction } from '../../src/client/executor.js';
import { toDatabaseError } from '../../src/errors/sqlstate.js';
import { notificationDeliveries } from '../../src/schema/tables/notifications/notification-delivery.js';
import { notifications } from '../../src/schema/tables/notifications/notification.js';
import { factories } from '../../src/testing/index.js';

let tenantId: string;
let userId: string;

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  userId = (await factories.user.create()).id;
});

/** Runs raw SQL in a savepoint, so an expected failure leaves the test transaction usable. */
const attempt = (statement: ReturnType<typeof sql>) => withTransaction((tx) => tx.execute(statement));

/** The constraint (or rule) that rejected the statement, read from the typed error it maps to. */
async function violated(statement: ReturnType<typeof sql>): Promise<string | undefined> {
  const error = await attempt(statement).then(
    () => undefined,
    (e: unknown) => toDatabaseError(e),
  );
  expect(error).toBeInstanceOf(DatabaseError);
  return (error as { constraint?: string }).constraint;
}

/** Raw SQL rows on either driver (postgres.js returns an array, PGlite `{ rows }`). */
async function rows<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

async function delivery(status: 'pending' | 'sending' | 'sent' | 'failed' = 'pending') {
  const notification = await factories.notifications.create({ readAt: null, tenantId, userId });
  const target = await factories.notificationTargets.create({ channel: 'email', verifiedAt: new Date(), userId });
  const row = await factories.notificationDeliveries.create({
    channel: 'email',
    notificationId: notification.id,
    targetId: target.id,
  });
  const path = { pending: [], sending: ['sending'], sent: ['sending', 'sent'], failed: ['sending', 'failed'] }[status];
  for (const next of path) await setStatus(row.id, next);
  return row;
}

const setStatus = (id: string, status: string) =>
  attempt(sql`update notification_deliveries set status = ${status}::notification_delivery_status,
    sent_at = case when ${status} = 'sent' then now() end where id = ${id}`);

describe('notifications constraints', () => {
  it('rejects a data payload that is not a JSON object', async () => {
    expect(
      await violated(sql`insert into notifications (tenant_id, user_id, type, title, data)
        values (${tenantId}, ${userId}, 'test.event', 'x', '[1,2]'::jsonb)`),
    ).toBe('notifications_data_object');
  });

  it('rejects a malformed type', async () => {
    expect(
      await violated(
        sql`insert into notifications (tenant_id, user_id, type, title) values (${tenantId}, ${userId}, 'Not A Type', 'x')`,
      ),
    ).toBe('notifications_type_format');
  });

  it('the unread count is an index scan of the partial unread index', async () => {
    await factories.notifications.create({ readAt: null, tenantId, userId });
    // Tiny test tables make a sequential scan the cheapest plan; take it off the table to see which index serves.
    await db.execute(sql`set local enable_seqscan = off`);
    const plan = await rows<{ 'QUERY PLAN': string }>(
      sql`explain select count(*) from notifications
        where user_id = ${userId} and tenant_id = ${tenantId} and read_at is null`,
    );
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toMatch(/notifications_user_tenant_unread_idx/);
  });

  it('deleting a notification deletes its deliveries', async () => {
    const row = await delivery();
    await db.delete(notifications).where(eq(notifications.id, row.notificationId));
    expect(await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, row.id))).toEqual([]);
  });

  it('deleting a target keeps its deliveries, with target_id null', async () => {
    const row = await delivery('sent');
    await db.execute(sql`delete from notification_targets where id = ${row.targetId}`);
    const [kept] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, row.id));
    expect(kept).toMatchObject({ status: 'sent', targetId: null, channel: 'email' });
  });
});

describe('notification_targets constraints', () => {
  it('an address is unique per channel, across users', async () => {
    const address = `shared-${randomUUID()}@example.com`;
    await factories.notificationTargets.create({ channel: 'email', verifiedAt: new Date(), userId, address });
    const other = (await factories.user.create()).id;
    expect(
      await violated(
        sql`insert into notification_targets (user_id, channel, address) values (${other}, 'email', ${address})`,
      ),
    ).toBe('notification_targets_channel_address_unique');
    // the same string on another channel is another address
    await expect(
      factories.notificationTargets.create({ verifiedAt: new Date(), userId: other, channel: 'webhook', address }),
    ).resolves.toMatchObject({
      channel: 'webhook',
    });
  });

  it('stores email addresses lower-case', async () => {
    expect(
      await violated(
        sql`insert into notification_targets (user_id, channel, address) values (${userId}, 'email', 'Ada@Example.com')`,
      ),
    ).toBe('notification_targets_email_lower_case');
  });
});

describe('notification_deliveries constraints', () => {
  it('attempts is never negative', async () => {
    const row = await delivery();
    expect(await violated(sql`update notification_deliveries set attempts = -1 where id = ${row.id}`)).toBe(
      'notification_deliveries_attempts_non_negative',
    );
  });

  it('sent_at is set exactly when the status is sent', async () => {
    const row = await delivery('sending');
    expect(await violated(sql`update notification_deliveries set status = 'sent' where id = ${row.id}`)).toBe(
      'notification_deliveries_sent_at_iff_sent',
    );
    expect(await violated(sql`update notification_deliveries set sent_at = now() where id = ${row.id}`)).toBe(
      'notification_deliveries_sent_at_iff_sent',
    );
  });

  it('allows every forward transition', async () => {
    for (const status of ['sending', 'sent', 'failed'] as const) {
      const row = await delivery(status);
      const [stored] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, row.id));
      expect(stored?.status).toBe(status);
    }
    const retried = await delivery('sending');
    await setStatus(retried.id, 'pending');
    await setStatus(retried.id, 'sending');
  });

  it.each([
    ['sent', 'pending'],
    ['sent', 'sending'],
    ['failed', 'pending'],
    ['failed', 'sent'],
    ['pending', 'sent'],
    ['pending', 'failed'],
  ] as const)('rejects %s -> %s with a typed error', async (from, to) => {
    const row = await delivery(from);
    const error = await setStatus(row.id, to).catch((e: unknown) => toDatabaseError(e));
    expect(error).toBeInstanceOf(CheckViolationError);
    expect((error as CheckViolationError).constraint).toBe('notification_deliveries_status_forward');
    const [stored] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, row.id));
    expect(stored?.status).toBe(from);
  });

  it('one delivery per target per notification', async () => {
    const row = await delivery();
    expect(
      await violated(sql`insert into notification_deliveries (notification_id, target_id, channel)
        values (${row.notificationId}, ${row.targetId}, 'email')`),
    ).toBe('notification_deliveries_notification_target_unique');
  });
});

describe('notification_preferences constraints', () => {
  const insertPreference = (tenant: string | null) =>
    sql`insert into notification_preferences (user_id, tenant_id, type, channel, enabled)
      values (${userId}, ${tenant}, 'test.event', 'email', false)`;

  it('one row per (user, tenant, type, channel), also when the tenant is null', async () => {
    await attempt(insertPreference(null));
    expect(await violated(insertPreference(null))).toBe('notification_preferences_user_tenant_type_channel_unique');
    await attempt(insertPreference(tenantId));
    expect(await violated(insertPreference(tenantId))).toBe('notification_preferences_user_tenant_type_channel_unique');
  });
});

describe('updated_at triggers', () => {
  it.each(['notification_targets', 'notification_deliveries', 'notification_preferences'])(
    '%s.updated_at moves on a raw SQL update',
    async (table) => {
      const row = await delivery();
      await attempt(sql`insert into notification_preferences (user_id, type, channel, enabled)
        values (${userId}, 'test.event', 'sms', true)`);
      const id =
        table === 'notification_targets'
          ? row.targetId
          : table === 'notification_deliveries'
            ? row.id
            : sql`(select id from notification_preferences where user_id = ${userId})`;
      const read = async () =>
        (
          await rows<{ updated_at: string }>(
            sql`select updated_at::text from ${sql.identifier(table)} where id = ${id}`,
          )
        )[0]?.updated_at;
      const before = await read();
      await db.execute(sql`update ${sql.identifier(table)} set created_at = created_at where id = ${id}`);
      expect(await read()).not.toBe(before);
    },
  );
});
