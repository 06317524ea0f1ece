import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ClaimNotificationDeliveriesSchema,
  CreateNotificationSchema,
  CreateNotificationTargetSchema,
  NotificationDeliveryErrorSchema,
  NotificationFilterSchema,
  NotificationPreferenceFilterSchema,
  NotificationTargetFilterSchema,
  SetNotificationPreferenceSchema,
} from '../../src/dto/notifications/index.js';
import { NotificationPreferenceQueries } from '../../src/queries/notifications/notification-preference.js';
import { NotificationTargetQueries } from '../../src/queries/notifications/notification-target.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { notificationPreferences } from '../../src/schema/tables/notifications/notification-preference.js';
import { notificationTargets } from '../../src/schema/tables/notifications/notification-target.js';
import { notifications } from '../../src/schema/tables/notifications/notification.js';
import {
  DB_RUNS,
  DTO_RUNS,
  assertDtoAccepts,
  assertDtoRefuses,
  assertMethodRefuses,
  assertRoundTrips,
  expectFieldsEqual,
  expectJsonObjects,
} from '../support/properties.js';
import { hostileInput, validInput } from './arbitraries/dto.js';
import * as arb from './arbitraries/notifications.js';
import { factories } from '../../src/testing/index.js';

const dtos = [
  { name: 'CreateNotificationSchema', schema: CreateNotificationSchema, spec: arb.createNotification() },
  { name: 'NotificationFilterSchema', schema: NotificationFilterSchema, spec: arb.notificationListFilter() },
  { name: 'NotificationTargetFilterSchema', schema: NotificationTargetFilterSchema, spec: arb.targetListFilter() },
  { name: 'SetNotificationPreferenceSchema', schema: SetNotificationPreferenceSchema, spec: arb.setPreference() },
  {
    name: 'NotificationPreferenceFilterSchema',
    schema: NotificationPreferenceFilterSchema,
    spec: arb.preferenceListFilter(),
  },
  { name: 'ClaimNotificationDeliveriesSchema', schema: ClaimNotificationDeliveriesSchema, spec: arb.claimDeliveries() },
  { name: 'NotificationDeliveryErrorSchema', schema: NotificationDeliveryErrorSchema, spec: arb.deliveryError() },
];

describe('notifications DTOs', () => {
  it.each(dtos)('1,000 hostile inputs to $name → ValidationError with field paths', ({ name, schema, spec }) => {
    expect(assertDtoRefuses(name, schema, hostileInput(spec))).toBe(DTO_RUNS);
  });

  it.each(dtos)('1,000 valid inputs to $name parse', ({ name, schema, spec }) => {
    expect(assertDtoAccepts(name, schema, validInput(spec))).toBe(DTO_RUNS);
  });

  it('1,000 hostile and 1,000 valid inputs to CreateNotificationTargetSchema (one address format per channel)', () => {
    const name = 'CreateNotificationTargetSchema';
    expect(assertDtoRefuses(name, CreateNotificationTargetSchema, arb.hostileTarget())).toBe(DTO_RUNS);
    expect(assertDtoAccepts(name, CreateNotificationTargetSchema, arb.createTarget())).toBe(DTO_RUNS);
  });
});

describe('notifications queries', () => {
  let tenantId: string;
  let userId: string;
  const scope = () => ({ tenantId });

  beforeEach(async () => {
    tenantId = (await factories.tenants.create()).id;
    userId = (await factories.user.create()).id;
  });

  it('50 hostile inputs to each of NotificationQueries.create / list → ValidationError, no row written', async () => {
    const calls = [
      await assertMethodRefuses(notifications, hostileInput(arb.createNotification(userId)), (input) =>
        NotificationQueries.create(input as never, scope()),
      ),
      await assertMethodRefuses(notifications, filters(arb.notificationListFilter()), (filter) =>
        NotificationQueries.list(userId, { filter: filter as never }, scope()),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS]);
  });

  it('50 valid inputs to NotificationQueries.create read back unchanged, data a JSONB object', async () => {
    const created = await assertRoundTrips(validInput(arb.createNotification(userId)), async (input) => {
      const { notification } = await NotificationQueries.create(input as never, scope());
      expectFieldsEqual(notification, CreateNotificationSchema.parse(input));
      expect(await NotificationQueries.getById(notification.id, scope())).toEqual(notification);
      await expectJsonObjects(notifications, eq(notifications.id, notification.id), ['data']);
    });
    expect(created).toEqual({ runs: DB_RUNS, conflicts: 0 });
  });

  it('50 hostile inputs to each of NotificationTargetQueries.create / list → ValidationError, no row written', async () => {
    const calls = [
      await assertMethodRefuses(notificationTargets, arb.hostileTarget(), (input) =>
        NotificationTargetQueries.create(userId, input as never),
      ),
      await assertMethodRefuses(notificationTargets, filters(arb.targetListFilter()), (filter) =>
        NotificationTargetQueries.list(userId, { filter: filter as never }),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS]);
  });

  it('50 valid inputs to NotificationTargetQueries.create read back unchanged', async () => {
    await assertRoundTrips(arb.createTarget(), async (input) => {
      const target = await NotificationTargetQueries.create(userId, input as never);
      expectFieldsEqual(target, CreateNotificationTargetSchema.parse(input));
      expect(await NotificationTargetQueries.getById(target.id, userId)).toEqual(target);
    });
  });

  it('50 hostile inputs to each of NotificationPreferenceQueries.set / list → ValidationError, no row written', async () => {
    const calls = [
      await assertMethodRefuses(notificationPreferences, hostileInput(arb.setPreference(tenantId)), (input) =>
        NotificationPreferenceQueries.set(userId, input as never),
      ),
      await assertMethodRefuses(notificationPreferences, filters(arb.preferenceListFilter()), (filter) =>
        NotificationPreferenceQueries.list(userId, { filter: filter as never }),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS]);
  });

  it('50 valid inputs to NotificationPreferenceQueries.set read back unchanged', async () => {
    const set = await assertRoundTrips(validInput(arb.setPreference(tenantId)), async (input) => {
      const preference = await NotificationPreferenceQueries.set(userId, input as never);
      const expected = SetNotificationPreferenceSchema.parse(input);
      expectFieldsEqual(preference, { ...expected, tenantId: expected.tenantId ?? null });
      expect(await NotificationPreferenceQueries.getById(preference.id, userId)).toEqual(preference);
    });
    expect(set).toEqual({ runs: DB_RUNS, conflicts: 0 });
  });
});

/** List filters: `undefined` means "no filter", so only non-null hostile filters are hostile there. */
function filters(spec: Parameters<typeof hostileInput>[0]) {
  return hostileInput(spec).filter((c) => c.input !== undefined && c.input !== null);
}
