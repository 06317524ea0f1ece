import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  NotificationDeliverySchema,
  type NotificationDelivery,
} from '../../src/dto/notifications/notification-delivery.js';
import { CheckViolationError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { NotificationDeliveryQueries } from '../../src/queries/notifications/notification-delivery.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { NotificationTargetQueries } from '../../src/queries/notifications/notification-target.js';
import {
  NOTIFICATION_DELIVERY_ERROR_MAX,
  type notificationDeliveries,
} from '../../src/schema/tables/notifications/notification-delivery.js';
import { factories } from '../../src/testing/index.js';

let tenantId: string;
let userId: string;
const scope = () => ({ tenantId });

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  userId = (await factories.user.create()).id;
});

/** A notification with one pending delivery per target; returns the deliveries. */
async function queue(targets = 1): Promise<NotificationDelivery[]> {
  for (let i = 0; i < targets; i++)
    await factories.notificationTargets.create({ channel: 'email', verifiedAt: new Date(), userId });
  const { deliveries } = await NotificationQueries.create({ userId, type: 'test.event', title: 'Hi' }, scope());
  return deliveries;
}

/** Claims everything pending and returns the given delivery's claimed row. */
async function claimed(id: string): Promise<NotificationDelivery> {
  const rows = await NotificationDeliveryQueries.claimPending(1000);
  const row = rows.find((r) => r.id === id);
  expect(row).toBeDefined();
  return row!;
}

describe('NotificationDeliveryQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<NotificationDelivery>().toEqualTypeOf<typeof notificationDeliveries.$inferSelect>();
  });

  it('findById / getById return the row, null / NotFoundError when absent', async () => {
    const [delivery] = await queue();
    expect(await NotificationDeliveryQueries.findById(delivery!.id)).toEqual(delivery);
    expect(await NotificationDeliveryQueries.getById(delivery!.id)).toEqual(delivery);
    expect(NotificationDeliverySchema.parse(delivery)).toEqual(delivery);
    expect(await NotificationDeliveryQueries.findById(randomUUID())).toBeNull();
    await expect(NotificationDeliveryQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(NotificationDeliveryQueries.findById('nope')).rejects.toBeInstanceOf(ValidationError);
  });

  it('listForNotification lists the deliveries of a notification in the tenant', async () => {
    const deliveries = await queue(2);
    const notificationId = deliveries[0]!.notificationId;
    const listed = await NotificationDeliveryQueries.listForNotification(notificationId, scope());
    expect(listed.map((d) => d.id).sort()).toEqual(deliveries.map((d) => d.id).sort());
    expect(await NotificationDeliveryQueries.listForNotification(randomUUID(), scope())).toEqual([]);
    const other = { tenantId: (await factories.tenants.create()).id };
    expect(await NotificationDeliveryQueries.listForNotification(notificationId, other)).toEqual([]);
    await expect(NotificationDeliveryQueries.listForNotification('nope', scope())).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('claimPending moves the oldest pending rows to sending, counts the attempt, and never claims twice', async () => {
    const deliveries = await queue(3);
    const first = await NotificationDeliveryQueries.claimPending(2);
    expect(first).toHaveLength(2);
    expect(first.every((d) => d.status === 'sending' && d.attempts === 1)).toBe(true);
    const rest = await NotificationDeliveryQueries.claimPending(10);
    expect(rest.map((d) => d.id)).toEqual(deliveries.map((d) => d.id).filter((id) => !first.some((d) => d.id === id)));
    expect(await NotificationDeliveryQueries.claimPending(10)).toEqual([]);
    await expect(NotificationDeliveryQueries.claimPending(0)).rejects.toBeInstanceOf(ValidationError);
  });

  it('markSent: sending -> sent with sent_at, idempotent', async () => {
    const [delivery] = await queue();
    await claimed(delivery!.id);
    const sent = await NotificationDeliveryQueries.markSent(delivery!.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect((await NotificationDeliveryQueries.markSent(delivery!.id)).sentAt).toEqual(sent.sentAt);
    await expect(NotificationDeliveryQueries.markSent(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('markSent on an unclaimed delivery is refused by the status rule', async () => {
    const [delivery] = await queue();
    const error = await NotificationDeliveryQueries.markSent(delivery!.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckViolationError);
    expect((error as CheckViolationError).constraint).toBe('notification_deliveries_status_forward');
    expect((await NotificationDeliveryQueries.getById(delivery!.id)).status).toBe('pending');
  });

  it("markFailed stores the caller's error, truncated, and is terminal", async () => {
    const [delivery] = await queue();
    await claimed(delivery!.id);
    const failed = await NotificationDeliveryQueries.markFailed(delivery!.id, `  ${'x'.repeat(5000)}  `);
    expect(failed.status).toBe('failed');
    expect(Array.from(failed.lastError!)).toHaveLength(NOTIFICATION_DELIVERY_ERROR_MAX);
    expect(failed.lastError!.endsWith('x…')).toBe(true);
    await expect(NotificationDeliveryQueries.requeue(delivery!.id)).rejects.toBeInstanceOf(CheckViolationError);
    await expect(NotificationDeliveryQueries.markSent(delivery!.id)).rejects.toBeInstanceOf(CheckViolationError);
    await expect(NotificationDeliveryQueries.markFailed(delivery!.id, '   ')).rejects.toBeInstanceOf(ValidationError);
    await expect(NotificationDeliveryQueries.markFailed(randomUUID(), 'boom')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('truncates by characters, never splitting an emoji', async () => {
    const [delivery] = await queue();
    await claimed(delivery!.id);
    const failed = await NotificationDeliveryQueries.markFailed(delivery!.id, '😀'.repeat(2000));
    expect(Array.from(failed.lastError!)).toHaveLength(NOTIFICATION_DELIVERY_ERROR_MAX);
    expect(failed.lastError!.startsWith('😀😀')).toBe(true);
  });

  it('requeue: sending -> pending keeps the attempt count and the error, then it can be claimed again', async () => {
    const [delivery] = await queue();
    await claimed(delivery!.id);
    const requeued = await NotificationDeliveryQueries.requeue(delivery!.id, 'timeout');
    expect(requeued).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timeout', sentAt: null });
    expect((await claimed(delivery!.id)).attempts).toBe(2);
    await expect(NotificationDeliveryQueries.requeue(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a delivery whose target was deleted is still claimed, with targetId null, and can be failed', async () => {
    const [delivery] = await queue();
    await NotificationTargetQueries.delete(delivery!.targetId!, userId);
    const row = await claimed(delivery!.id);
    expect(row.targetId).toBeNull();
    await expect(NotificationDeliveryQueries.markFailed(row.id, 'target removed')).resolves.toMatchObject({
      status: 'failed',
    });
  });
});
