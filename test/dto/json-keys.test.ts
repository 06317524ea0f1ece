import { beforeEach, describe, it } from 'vitest';
import { withTransaction } from '../../src/client/executor.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { SystemSettingQueries } from '../../src/queries/system/system-setting.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { factories } from '../../src/testing/index.js';
import { expectRefusedWithoutKey, hostileObjects, rejection, SECRET } from '../support/hostile-json.js';

// Keys of free-form JSON are the caller's data, like its values: a ValidationError names the schema field and says
// what is wrong, never repeating a key (a key may well be a secret, or a customer's data). The JSON fields of the
// core domains here; those of notifications and subscriptions next to their tests, so each goes with its domain.

let tenantId: string;
let userId: string;
beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  userId = (await factories.user.create()).id;
});

describe('a hostile key in a JSON field is never repeated in the ValidationError', () => {
  it.each(hostileObjects)('$how', async ({ value }) => {
    const json = value as Record<string, never>;
    const calls: [string, () => Promise<unknown>][] = [
      [
        'customAttributes',
        () => TenantQueries.createWithOwner({ name: 'A', slug: 'a-b', customAttributes: json }, userId),
      ],
      ['customAttributes', () => TenantQueries.update(tenantId, { customAttributes: json })],
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
      await rejection(() => TenantInviteQueries.create({ email: 'x@example.com', [SECRET]: 1 } as never, { tenantId })),
      ['(root)'],
    );
    const policy = { enabled: true, retention_days: 30 };
    const settings = { audit_events: policy, invitations: policy, domain_events: policy, [SECRET]: policy };
    expectRefusedWithoutKey(await rejection(() => SystemSettingQueries.upsert('retention_settings', settings)), [
      'value',
    ]);
  });
});
