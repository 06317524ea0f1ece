import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  NotificationPreferenceSchema,
  type NotificationPreference,
} from '../../src/dto/notifications/notification-preference.js';
import { ForeignKeyError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { NotificationPreferenceQueries } from '../../src/queries/notifications/notification-preference.js';
import { type notificationPreferences } from '../../src/schema/tables/notifications/notification-preference.js';
import { factories } from '../../src/testing/index.js';

let tenantId: string;
let userId: string;

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  userId = (await factories.user.create()).id;
});

describe('NotificationPreferenceQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<NotificationPreference>().toEqualTypeOf<typeof notificationPreferences.$inferSelect>();
  });

  it('set inserts, then updates the same row (upsert), with and without a tenant', async () => {
    for (const tenant of [undefined, tenantId]) {
      const key = { tenantId: tenant, type: 'invite.accepted', channel: 'email' } as const;
      const first = await NotificationPreferenceQueries.set(userId, { ...key, enabled: false });
      expect(first).toMatchObject({ ...key, userId, tenantId: tenant ?? null, enabled: false });
      expect(NotificationPreferenceSchema.parse(first)).toEqual(first);
      const second = await NotificationPreferenceQueries.set(userId, { ...key, enabled: true });
      expect(second).toMatchObject({ id: first.id, enabled: true });
      expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
    }
    // one default row and one tenant row, not four
    expect((await NotificationPreferenceQueries.list(userId)).items).toHaveLength(2);
  });

  it('set rejects bad input with the field names, before any SQL', async () => {
    const error = await NotificationPreferenceQueries.set(userId, {
      tenantId: 'nope',
      type: 'Bad Type',
      channel: 'pigeon',
      enabled: 'yes',
      userId,
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'channel', 'enabled', 'tenantId', 'type']);
    await expect(
      NotificationPreferenceQueries.set('nope', { type: 'a.b', channel: 'sms', enabled: true }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await NotificationPreferenceQueries.list(userId)).items).toEqual([]);
  });

  it('set with an unknown tenant or user is a ForeignKeyError', async () => {
    await expect(
      NotificationPreferenceQueries.set(userId, { tenantId: randomUUID(), type: 'a.b', channel: 'sms', enabled: true }),
    ).rejects.toBeInstanceOf(ForeignKeyError);
    await expect(
      NotificationPreferenceQueries.set(randomUUID(), { type: 'a.b', channel: 'sms', enabled: true }),
    ).rejects.toBeInstanceOf(ForeignKeyError);
  });

  it("findById / getById / delete only see the owner's rows", async () => {
    const preference = await NotificationPreferenceQueries.set(userId, {
      type: 'a.b',
      channel: 'push',
      enabled: false,
    });
    const stranger = (await factories.user.create()).id;
    expect(await NotificationPreferenceQueries.findById(preference.id, userId)).toEqual(preference);
    expect(await NotificationPreferenceQueries.getById(preference.id, userId)).toEqual(preference);
    expect(await NotificationPreferenceQueries.findById(preference.id, stranger)).toBeNull();
    await expect(NotificationPreferenceQueries.getById(preference.id, stranger)).rejects.toBeInstanceOf(NotFoundError);
    await expect(NotificationPreferenceQueries.delete(preference.id, stranger)).rejects.toBeInstanceOf(NotFoundError);
    expect((await NotificationPreferenceQueries.list(stranger)).items).toEqual([]);
    await expect(NotificationPreferenceQueries.findById('nope', userId)).rejects.toBeInstanceOf(ValidationError);
    expect(await NotificationPreferenceQueries.delete(preference.id, userId)).toEqual(preference);
    expect(await NotificationPreferenceQueries.findById(preference.id, userId)).toBeNull();
  });

  it('list pages newest first and filters by tenant or the defaults', async () => {
    const created: NotificationPreference[] = [];
    for (const [i, tenant] of [undefined, tenantId, undefined, tenantId, undefined].entries()) {
      const input = { tenantId: tenant, type: `type.n${i}`, channel: 'email', enabled: false } as const;
      created.push(await NotificationPreferenceQueries.set(userId, input));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await NotificationPreferenceQueries.list(userId, { limit: 2, cursor });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const newestFirst = [...created].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(seen).toEqual(newestFirst.map((p) => p.id));
    expect((await NotificationPreferenceQueries.list(userId, { filter: { tenantId } })).items).toHaveLength(2);
    expect((await NotificationPreferenceQueries.list(userId, { filter: { tenantId: null } })).items).toHaveLength(3);
    await expect(NotificationPreferenceQueries.list(userId, { cursor: 'garbage' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
