import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { NotificationTargetSchema, type NotificationTarget } from '../../src/dto/notifications/notification-target.js';
import { ConflictError, ForeignKeyError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { NotificationTargetQueries } from '../../src/queries/notifications/notification-target.js';
import { type notificationTargets } from '../../src/schema/tables/notifications/notification-target.js';
import { factories } from '../../src/testing/index.js';

let userId: string;
const emailAddress = () => `ada-${randomUUID()}@example.com`;

beforeEach(async () => {
  userId = (await factories.user.create()).id;
});

describe('NotificationTargetQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<NotificationTarget>().toEqualTypeOf<typeof notificationTargets.$inferSelect>();
  });

  it('create stores an unverified target; emails are lower-cased', async () => {
    const address = emailAddress();
    const target = await NotificationTargetQueries.create(userId, {
      channel: 'email',
      address: `  ${address.toUpperCase()} `,
    });
    expect(target).toMatchObject({ userId, channel: 'email', address, verifiedAt: null, disabledAt: null });
    expect(NotificationTargetSchema.parse(target)).toEqual(target);
  });

  it('create validates the address for its channel, before any SQL', async () => {
    const rejects = async (input: unknown, fields: string[]) => {
      const error = await NotificationTargetQueries.create(userId, input as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields.sort()).toEqual(fields);
    };
    await rejects({ channel: 'email', address: 'not an email' }, ['address']);
    await rejects({ channel: 'sms', address: '555-1234' }, ['address']);
    await rejects({ channel: 'webhook', address: 'http://example.com/hook' }, ['address']);
    await rejects({ channel: 'pigeon', address: 'x' }, ['channel']);
    await rejects({ channel: 'push', address: 'token', verifiedAt: new Date() }, ['(root)']);
    await expect(NotificationTargetQueries.create('nope', { channel: 'push', address: 'x' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await NotificationTargetQueries.list(userId)).items).toEqual([]);
    await expect(
      NotificationTargetQueries.create(userId, { channel: 'sms', address: '+14155550123' }),
    ).resolves.toMatchObject({ channel: 'sms' });
    await expect(
      NotificationTargetQueries.create(userId, { channel: 'webhook', address: `https://example.com/${randomUUID()}` }),
    ).resolves.toMatchObject({ channel: 'webhook' });
  });

  it('a duplicate (channel, address) is a ConflictError, also across users', async () => {
    const address = emailAddress();
    await NotificationTargetQueries.create(userId, { channel: 'email', address });
    const other = (await factories.user.create()).id;
    const error = await NotificationTargetQueries.create(other, {
      channel: 'email',
      address: address.toUpperCase(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe('notification_targets_channel_address_unique');
    // the savepoint kept the surrounding transaction usable
    await expect(
      NotificationTargetQueries.create(other, { channel: 'email', address: emailAddress() }),
    ).resolves.toBeDefined();
  });

  it('create for an unknown user is a ForeignKeyError', async () => {
    await expect(
      NotificationTargetQueries.create(randomUUID(), { channel: 'email', address: emailAddress() }),
    ).rejects.toBeInstanceOf(ForeignKeyError);
  });

  it("findById / getById return the owner's row, null / NotFoundError otherwise", async () => {
    const target = await NotificationTargetQueries.create(userId, { channel: 'email', address: emailAddress() });
    expect(await NotificationTargetQueries.findById(target.id, userId)).toEqual(target);
    expect(await NotificationTargetQueries.getById(target.id, userId)).toEqual(target);
    expect(await NotificationTargetQueries.findById(randomUUID(), userId)).toBeNull();
    await expect(NotificationTargetQueries.getById(randomUUID(), userId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(NotificationTargetQueries.findById('nope', userId)).rejects.toBeInstanceOf(ValidationError);
  });

  it("never reads or changes another user's target", async () => {
    const target = await NotificationTargetQueries.create(userId, { channel: 'email', address: emailAddress() });
    const stranger = (await factories.user.create()).id;
    expect(await NotificationTargetQueries.findById(target.id, stranger)).toBeNull();
    expect((await NotificationTargetQueries.list(stranger)).items).toEqual([]);
    for (const change of [
      NotificationTargetQueries.verify,
      NotificationTargetQueries.disable,
      NotificationTargetQueries.enable,
      NotificationTargetQueries.delete,
    ]) {
      await expect(change(target.id, stranger)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await NotificationTargetQueries.getById(target.id, userId)).toEqual(target);
  });

  it('verify sets verified_at once; disable and enable toggle disabled_at', async () => {
    const target = await NotificationTargetQueries.create(userId, {
      channel: 'push',
      address: `token-${randomUUID()}`,
    });
    const verified = await NotificationTargetQueries.verify(target.id, userId);
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    expect(verified.updatedAt.getTime()).toBeGreaterThan(target.updatedAt.getTime());
    expect((await NotificationTargetQueries.verify(target.id, userId)).verifiedAt).toEqual(verified.verifiedAt);
    const disabled = await NotificationTargetQueries.disable(target.id, userId);
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect((await NotificationTargetQueries.disable(target.id, userId)).disabledAt).toEqual(disabled.disabledAt);
    expect((await NotificationTargetQueries.enable(target.id, userId)).disabledAt).toBeNull();
    await expect(NotificationTargetQueries.verify(randomUUID(), userId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('delete removes the target', async () => {
    const target = await NotificationTargetQueries.create(userId, { channel: 'email', address: emailAddress() });
    expect(await NotificationTargetQueries.delete(target.id, userId)).toEqual(target);
    expect(await NotificationTargetQueries.findById(target.id, userId)).toBeNull();
    await expect(NotificationTargetQueries.delete(target.id, userId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('list pages newest first with a cursor, filtered by channel', async () => {
    const created: NotificationTarget[] = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await NotificationTargetQueries.create(
          userId,
          i % 2 === 0
            ? { channel: 'email', address: emailAddress() }
            : { channel: 'push', address: `token-${randomUUID()}` },
        ),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await NotificationTargetQueries.list(userId, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const newestFirst = [...created].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(seen).toEqual(newestFirst.map((t) => t.id));
    const push = await NotificationTargetQueries.list(userId, { filter: { channel: 'push' } });
    expect(push.items.map((t) => t.channel)).toEqual(['push', 'push']);
    await expect(
      NotificationTargetQueries.list(userId, { filter: { channel: 'pigeon' } as never }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
