import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { NotificationSchema, type Notification } from '../../src/dto/notifications/notification.js';
import { ForeignKeyError, MissingTenantError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { NotificationDeliveryQueries } from '../../src/queries/notifications/notification-delivery.js';
import { NotificationPreferenceQueries } from '../../src/queries/notifications/notification-preference.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { type notifications } from '../../src/schema/tables/notifications/notification.js';
import { withTenant } from '../../src/scope/tenant.js';
import { factories } from '../../src/testing/index.js';

let tenantId: string;
let userId: string;
const scope = () => ({ tenantId });
const input = (overrides: Partial<Parameters<typeof NotificationQueries.create>[0]> = {}) => ({
  userId,
  type: 'invite.accepted',
  title: 'Your invite was accepted',
  ...overrides,
});

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  userId = (await factories.user.create()).id;
});

describe('NotificationQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<Notification>().toEqualTypeOf<typeof notifications.$inferSelect>();
  });

  it('create trims, defaults data and returns the row DTO', async () => {
    const { notification, deliveries } = await NotificationQueries.create(input({ title: '  Hello  ' }), scope());
    expect(notification).toMatchObject({ tenantId, userId, title: 'Hello', body: null, data: {}, readAt: null });
    expect(NotificationSchema.parse(notification)).toEqual(notification);
    expect(deliveries).toEqual([]);
  });

  it('create rejects bad input with the field names, before any SQL', async () => {
    const error = await NotificationQueries.create(
      { userId: 'nope', type: 'Not A Type', title: '', data: [1] as never, extra: 1 } as never,
      scope(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'data', 'title', 'type', 'userId']);
    expect(await NotificationQueries.unreadCount(userId, scope())).toBe(0);
  });

  it('create for an unknown user is a ForeignKeyError', async () => {
    await expect(NotificationQueries.create(input({ userId: randomUUID() }), scope())).rejects.toBeInstanceOf(
      ForeignKeyError,
    );
  });

  it('create queues one pending delivery per usable target, skipping unverified and disabled ones', async () => {
    const email = await factories.notificationTargets.create({ channel: 'email', verifiedAt: new Date(), userId });
    const sms = await factories.notificationTargets.create({
      verifiedAt: new Date(),
      userId,
      channel: 'sms',
      address: `+1415${Math.floor(Math.random() * 1e7)}`,
    });
    await factories.notificationTargets.create({ channel: 'email', userId, verifiedAt: null });
    await factories.notificationTargets.create({
      channel: 'email',
      verifiedAt: new Date(),
      userId,
      disabledAt: new Date(),
    });
    await factories.notificationTargets.create({
      channel: 'email',
      verifiedAt: new Date(),
      userId: (await factories.user.create()).id,
    });
    const { notification, deliveries } = await NotificationQueries.create(input({ data: { inviteId: 'x' } }), scope());
    expect(notification.data).toEqual({ inviteId: 'x' });
    expect(deliveries.map((d) => [d.targetId, d.channel, d.status, d.attempts]).sort()).toEqual(
      [
        [email.id, 'email', 'pending', 0],
        [sms.id, 'sms', 'pending', 0],
      ].sort(),
    );
    expect(deliveries.every((d) => d.notificationId === notification.id)).toBe(true);
    expect(await NotificationDeliveryQueries.listForNotification(notification.id, scope())).toHaveLength(2);
  });

  it('preferences suppress a channel: tenant row over the default row, no row means enabled', async () => {
    await factories.notificationTargets.create({ channel: 'email', verifiedAt: new Date(), userId });
    await factories.notificationTargets.create({
      verifiedAt: new Date(),
      userId,
      channel: 'push',
      address: `token-${randomUUID()}`,
    });
    // default off for email everywhere...
    await NotificationPreferenceQueries.set(userId, { type: 'invite.accepted', channel: 'email', enabled: false });
    let created = await NotificationQueries.create(input(), scope());
    expect(created.deliveries.map((d) => d.channel)).toEqual(['push']);
    // ...but on in this tenant; push off in this tenant only
    await NotificationPreferenceQueries.set(userId, {
      tenantId,
      type: 'invite.accepted',
      channel: 'email',
      enabled: true,
    });
    await NotificationPreferenceQueries.set(userId, {
      tenantId,
      type: 'invite.accepted',
      channel: 'push',
      enabled: false,
    });
    created = await NotificationQueries.create(input(), scope());
    expect(created.deliveries.map((d) => d.channel)).toEqual(['email']);
    // another type has no rows: every channel
    created = await NotificationQueries.create(input({ type: 'billing.failed' }), scope());
    expect(created.deliveries.map((d) => d.channel).sort()).toEqual(['email', 'push']);
    // another tenant sees only the default rows
    const other = (await factories.tenants.create()).id;
    created = await NotificationQueries.create(input(), { tenantId: other });
    expect(created.deliveries.map((d) => d.channel)).toEqual(['push']);
  });

  it('findById / getById return the row, null / NotFoundError when absent', async () => {
    const { notification } = await NotificationQueries.create(input(), scope());
    expect(await NotificationQueries.findById(notification.id, scope())).toEqual(notification);
    expect(await NotificationQueries.getById(notification.id, scope())).toEqual(notification);
    expect(await NotificationQueries.findById(randomUUID(), scope())).toBeNull();
    await expect(NotificationQueries.getById(randomUUID(), scope())).rejects.toBeInstanceOf(NotFoundError);
    await expect(NotificationQueries.findById('nope', scope())).rejects.toBeInstanceOf(ValidationError);
  });

  it("never reads or changes another tenant's notifications", async () => {
    const { notification } = await NotificationQueries.create(input(), scope());
    const other = { tenantId: (await factories.tenants.create()).id };
    expect(await NotificationQueries.findById(notification.id, other)).toBeNull();
    expect((await NotificationQueries.list(userId, {}, other)).items).toEqual([]);
    expect(await NotificationQueries.unreadCount(userId, other)).toBe(0);
    expect(await NotificationQueries.markAllRead(userId, other)).toBe(0);
    await expect(NotificationQueries.markRead(notification.id, userId, other)).rejects.toBeInstanceOf(NotFoundError);
    await expect(NotificationQueries.delete(notification.id, other)).rejects.toBeInstanceOf(NotFoundError);
    await expect(NotificationDeliveryQueries.listForNotification(notification.id, other)).resolves.toEqual([]);
    expect(await NotificationQueries.unreadCount(userId, scope())).toBe(1);
  });

  it('takes the tenant from withTenant, and refuses to run without one', async () => {
    const { notification } = await withTenant(tenantId, () => NotificationQueries.create(input()));
    expect(await withTenant(tenantId, () => NotificationQueries.findById(notification.id))).toEqual(notification);
    await expect(NotificationQueries.unreadCount(userId)).rejects.toBeInstanceOf(MissingTenantError);
  });

  it("markRead marks only the owner's notification, once; unreadCount is a number", async () => {
    const { notification } = await NotificationQueries.create(input(), scope());
    await NotificationQueries.create(input(), scope());
    expect(await NotificationQueries.unreadCount(userId, scope())).toBe(2);
    const stranger = (await factories.user.create()).id;
    await expect(NotificationQueries.markRead(notification.id, stranger, scope())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const read = await NotificationQueries.markRead(notification.id, userId, scope());
    expect(read.readAt).toBeInstanceOf(Date);
    const again = await NotificationQueries.markRead(notification.id, userId, scope());
    expect(again.readAt).toEqual(read.readAt);
    const unread = await NotificationQueries.unreadCount(userId, scope());
    expect(unread).toBe(1);
    expect(typeof unread).toBe('number');
    await expect(NotificationQueries.markRead(randomUUID(), userId, scope())).rejects.toBeInstanceOf(NotFoundError);
    await expect(NotificationQueries.markRead(notification.id, 'nope', scope())).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("markAllRead marks the user's unread notifications and returns the count", async () => {
    for (let i = 0; i < 3; i++) await NotificationQueries.create(input(), scope());
    const stranger = (await factories.user.create()).id;
    await NotificationQueries.create(input({ userId: stranger }), scope());
    expect(await NotificationQueries.markAllRead(userId, scope())).toBe(3);
    expect(await NotificationQueries.markAllRead(userId, scope())).toBe(0);
    expect(await NotificationQueries.unreadCount(userId, scope())).toBe(0);
    expect(await NotificationQueries.unreadCount(stranger, scope())).toBe(1);
  });

  it("list pages newest first with a cursor, filtered by unread, only the user's", async () => {
    const created: Notification[] = [];
    for (let i = 0; i < 7; i++)
      created.push((await NotificationQueries.create(input({ title: `N ${i}` }), scope())).notification);
    await NotificationQueries.create(input({ userId: (await factories.user.create()).id }), scope());
    for (const n of created.slice(0, 3)) await NotificationQueries.markRead(n.id, userId, scope());
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await NotificationQueries.list(userId, { limit: 3, cursor }, scope());
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((n) => n.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const newestFirst = [...created]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((n) => n.title);
    expect(seen).toEqual(newestFirst);
    const unread = await NotificationQueries.list(userId, { filter: { unread: true } }, scope());
    expect(unread.items.map((n) => n.title).sort()).toEqual(['N 3', 'N 4', 'N 5', 'N 6']);
    const read = await NotificationQueries.list(userId, { filter: { unread: false } }, scope());
    expect(read.items.map((n) => n.title).sort()).toEqual(['N 0', 'N 1', 'N 2']);
    await expect(NotificationQueries.list(userId, { cursor: 'garbage' }, scope())).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      NotificationQueries.list(userId, { filter: { unread: 'yes' } as never }, scope()),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('delete removes the notification and its deliveries', async () => {
    await factories.notificationTargets.create({ channel: 'email', verifiedAt: new Date(), userId });
    const { notification, deliveries } = await NotificationQueries.create(input(), scope());
    await NotificationQueries.delete(notification.id, scope());
    expect(await NotificationQueries.findById(notification.id, scope())).toBeNull();
    expect(await NotificationDeliveryQueries.findById(deliveries[0]!.id)).toBeNull();
    await expect(NotificationQueries.delete(notification.id, scope())).rejects.toBeInstanceOf(NotFoundError);
  });
});
