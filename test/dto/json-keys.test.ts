import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/classes.js';
import { withTransaction } from '../../src/client/executor.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { SubscriptionQueries } from '../../src/queries/subscriptions/subscription.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { SystemSettingQueries } from '../../src/queries/system/system-setting.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { factories } from '../../src/testing/index.js';

// Keys of free-form JSON are the caller's data, like its values: a ValidationError names the schema field and says
// what is wrong, never repeating a key (a key may well be a secret, or a customer's data).

const SECRET = 'zz-secret-8c41';

const deep = (depth: number): unknown => (depth === 0 ? 1 : { [SECRET]: deep(depth - 1) });

/** JSON objects each refused for a problem found under a key that carries SECRET. */
const hostileObjects: { how: string; value: unknown }[] = [
  { how: 'an overlong key', value: { [`${SECRET}${'k'.repeat(300_000)}`]: 1 } },
  { how: 'a __proto__ key', value: JSON.parse(`{"${SECRET}":{"__proto__":{"${SECRET}":1}}}`) as unknown },
  { how: 'a key with NUL', value: { [`${SECRET}\u0000`]: 1 } },
  { how: 'a key with a lone surrogate', value: { [SECRET]: { [`${SECRET}\uD800`]: 1 } } },
  { how: 'a non-finite number', value: { [SECRET]: { [SECRET]: Number.NaN } } },
  { how: 'an unstorable string', value: { [SECRET]: [`${SECRET}\u0000`] } },
  { how: 'a non-JSON value', value: { [SECRET]: new Date() } },
  { how: 'nesting too deep', value: deep(40) },
];

/** A ValidationError naming exactly `fields`, with SECRET nowhere in its text. */
function expectRefusedWithoutKey(error: unknown, fields: string[]) {
  expect(error).toBeInstanceOf(ValidationError);
  const validation = error as ValidationError;
  expect(validation.fields).toEqual(fields);
  for (const text of [validation.message, String(validation), JSON.stringify(validation.issues)]) {
    expect(text).not.toContain(SECRET);
  }
}

let tenantId: string;
let userId: string;
beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  userId = (await factories.user.create()).id;
});

describe('a hostile key in a JSON field is never repeated in the ValidationError', () => {
  const rejection = (call: () => Promise<unknown>) =>
    call().then(
      () => undefined,
      (error: unknown) => error,
    );

  it.each(hostileObjects)('$how', async ({ value }) => {
    const json = value as Record<string, never>;
    const calls: [string, () => Promise<unknown>][] = [
      [
        'customAttributes',
        () => TenantQueries.createWithOwner({ name: 'A', slug: 'a-b', customAttributes: json }, userId),
      ],
      ['customAttributes', () => TenantQueries.update(tenantId, { customAttributes: json })],
      ['data', () => NotificationQueries.create({ userId, type: 'a.b', title: 'T', data: json }, { tenantId })],
      [
        'payload',
        () =>
          SubscriptionQueries.ingestEvent({
            providerEventId: 'evt_1',
            type: 't',
            payload: json,
            occurredAt: new Date(),
          }),
      ],
      ['value', () => SystemSettingQueries.upsert('feature_flags', json)],
      [
        'payload',
        () =>
          withTransaction((tx) =>
            DomainEventQueries.insertDomainEventInTransaction(tx, {
              aggregateType: 'order',
              aggregateId: '1',
              eventType: 'order.created',
              payload: json,
            }),
          ),
      ],
    ];
    for (const [field, call] of calls) expectRefusedWithoutKey(await rejection(call), [field]);
  });

  it('an unknown key of a DTO, or of a setting with its own schema, is not repeated either', async () => {
    expectRefusedWithoutKey(
      await rejection(() => TodoQueries.create({ userId, title: 'x', [SECRET]: 1 } as never, { tenantId })),
      ['(root)'],
    );
    const policy = { enabled: true, retention_days: 30 };
    const settings = { audit_events: policy, invitations: policy, domain_events: policy, [SECRET]: policy };
    expectRefusedWithoutKey(await rejection(() => SystemSettingQueries.upsert('retention_settings', settings)), [
      'value',
    ]);
  });
});
