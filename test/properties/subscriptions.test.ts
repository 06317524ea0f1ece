import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CreateSubscriptionSchema,
  CreateSubscriptionEventSchema,
  IngestSubscriptionEventSchema,
  SubscriptionFilterSchema,
  UpdateSubscriptionSchema,
  type Subscription,
} from '../../src/dto/subscriptions/index.js';
import { SubscriptionEventQueries } from '../../src/queries/subscriptions/subscription-event.js';
import { SubscriptionQueries } from '../../src/queries/subscriptions/subscription.js';
import { subscriptionEvents } from '../../src/schema/tables/subscriptions/subscription-event.js';
import { subscriptions } from '../../src/schema/tables/subscriptions/subscription.js';
import { ValidationError } from '../../src/errors/classes.js';
import {
  DB_RUNS,
  DTO_RUNS,
  assertDtoAccepts,
  assertDtoRefuses,
  assertHolds,
  assertLookupRefuses,
  assertMethodRefuses,
  assertRoundTrips,
  expectFieldsEqual,
  expectJsonObjects,
} from '../support/properties.js';
import { hostileInput } from './arbitraries/dto.js';
import { hostileKey } from './arbitraries/fields.js';
import * as arb from './arbitraries/subscriptions.js';
import { factories } from '../../src/testing/index.js';
import { providerId } from '../support/provider-id.js';

const dtos = [
  { name: 'CreateSubscriptionSchema', schema: CreateSubscriptionSchema, spec: arb.createSubscription() },
  { name: 'UpdateSubscriptionSchema', schema: UpdateSubscriptionSchema, spec: arb.updateSubscription() },
  { name: 'SubscriptionFilterSchema', schema: SubscriptionFilterSchema, spec: arb.subscriptionListFilter() },
  { name: 'CreateSubscriptionEventSchema', schema: CreateSubscriptionEventSchema, spec: arb.createEvent() },
  { name: 'IngestSubscriptionEventSchema', schema: IngestSubscriptionEventSchema, spec: arb.ingestEvent() },
];

describe('subscriptions DTOs', () => {
  it.each(dtos)('1,000 hostile inputs to $name → ValidationError with field paths', ({ name, schema, spec }) => {
    expect(assertDtoRefuses(name, schema, hostileInput(spec, arb.withPeriodInOrder(spec)))).toBe(DTO_RUNS);
  });

  it.each(dtos)('1,000 valid inputs to $name parse', ({ name, schema, spec }) => {
    expect(assertDtoAccepts(name, schema, arb.withPeriodInOrder(spec))).toBe(DTO_RUNS);
  });
});

describe('subscriptions queries', () => {
  let tenantId: string;
  const scope = () => ({ tenantId });

  beforeEach(async () => {
    tenantId = (await factories.tenants.create()).id;
  });

  it('50 hostile inputs to each of SubscriptionQueries.create / update / list → ValidationError, no row written', async () => {
    const subscription = await SubscriptionQueries.create(
      { providerCustomerId: 'cus_1', providerSubscriptionId: 'sub_hostile', plan: 'pro' },
      scope(),
    );
    const create = arb.createSubscription();
    const update = arb.updateSubscription();
    const calls = [
      await assertMethodRefuses(subscriptions, hostileInput(create, arb.withPeriodInOrder(create)), (input) =>
        SubscriptionQueries.create(input as never, scope()),
      ),
      await assertMethodRefuses(subscriptions, hostileInput(update, arb.withPeriodInOrder(update)), (input) =>
        SubscriptionQueries.update(subscription.id, input as never, scope()),
      ),
      await assertMethodRefuses(subscriptions, filters(arb.subscriptionListFilter()), (filter) =>
        SubscriptionQueries.list({ filter: filter as never }, scope()),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
    expect(await SubscriptionQueries.getById(subscription.id, scope())).toEqual(subscription);
  });

  it('50 valid inputs to SubscriptionQueries.create and update read back unchanged', async () => {
    await assertRoundTrips(arb.withPeriodInOrder(arb.createSubscription()), async (input) => {
      const row = await SubscriptionQueries.create(input as never, scope());
      expectFieldsEqual(row, CreateSubscriptionSchema.parse(input));
      expect(await SubscriptionQueries.getById(row.id, scope())).toEqual(row);
    });
    const target = await SubscriptionQueries.create(
      { providerCustomerId: 'cus_2', providerSubscriptionId: 'sub_update', plan: 'pro' },
      scope(),
    );
    await assertRoundTrips(arb.withPeriodInOrder(arb.updateSubscription()), async (input) => {
      // Start from no period, so a generated period never conflicts with the previous run's one.
      await SubscriptionQueries.update(target.id, { currentPeriodStart: null, currentPeriodEnd: null }, scope());
      await SubscriptionQueries.update(target.id, input as never, scope());
      expectFieldsEqual(await SubscriptionQueries.getById(target.id, scope()), UpdateSubscriptionSchema.parse(input));
    });
  });

  it('50 hostile webhooks to SubscriptionQueries.ingestEvent → ValidationError, no event stored', async () => {
    const spec = arb.ingestEvent('sub_ingest');
    const calls = await assertMethodRefuses(
      subscriptionEvents,
      hostileInput(spec, arb.withPeriodInOrder(spec)),
      (input) => SubscriptionQueries.ingestEvent(input as never),
    );
    expect(calls).toBe(DB_RUNS);
  });

  it('50 valid webhooks to SubscriptionQueries.ingestEvent store the event unchanged, payload a JSONB object', async () => {
    await SubscriptionQueries.create(
      { providerCustomerId: 'cus_3', providerSubscriptionId: 'sub_ingest', plan: 'pro' },
      scope(),
    );
    const ingested = await assertRoundTrips(arb.withPeriodInOrder(arb.ingestEvent('sub_ingest')), async (input) => {
      await SubscriptionQueries.update(
        (await SubscriptionQueries.findByProviderSubscriptionId('sub_ingest', scope()))!.id,
        { currentPeriodStart: null, currentPeriodEnd: null },
        scope(),
      );
      const result = await SubscriptionQueries.ingestEvent(input as never);
      const stored = await SubscriptionEventQueries.findByProviderEventId(input.providerEventId as string);
      expect(stored).toEqual(result.event);
      if (!result.duplicate) expectFieldsEqual(stored!, CreateSubscriptionEventSchema.parse(pickEvent(input)));
      await expectJsonObjects(subscriptionEvents, eq(subscriptionEvents.id, stored!.id), ['payload']);
    });
    expect(ingested).toEqual({ runs: DB_RUNS, conflicts: 0 });
  });
});

describe('subscription periods (the subscriptions_period_order check)', () => {
  it('50 periods in either order to each of create / update / ingestEvent: in order → written; else a ValidationError naming currentPeriodEnd, never a CheckViolationError', async () => {
    const tenantId = (await factories.tenants.create()).id;
    const scope = { tenantId };
    const target = await SubscriptionQueries.create(
      { providerCustomerId: 'cus_5', providerSubscriptionId: 'sub_period', plan: 'pro' },
      scope,
    );
    // Each write starts from no period, so only the generated one can break the rule.
    const clear = () =>
      SubscriptionQueries.update(target.id, { currentPeriodStart: null, currentPeriodEnd: null }, scope);
    type Period = { currentPeriodStart: Date | string; currentPeriodEnd: Date | string };
    const writes: [string, (period: Period) => Promise<Subscription | null>][] = [
      [
        'create',
        (period) =>
          SubscriptionQueries.create(
            { providerCustomerId: 'cus_5', providerSubscriptionId: providerId('sub'), plan: 'pro', ...period } as never,
            scope,
          ),
      ],
      ['update', (period) => clear().then(() => SubscriptionQueries.update(target.id, period as never, scope))],
      [
        'ingestEvent',
        (period) =>
          clear()
            .then(() =>
              SubscriptionQueries.ingestEvent({
                providerEventId: providerId('evt'),
                providerSubscriptionId: 'sub_period',
                type: 'customer.subscription.updated',
                occurredAt: new Date(),
                ...period,
              } as never),
            )
            .then((result) => (result.duplicate ? null : result.subscription)),
      ],
    ];
    for (const [method, write] of writes) {
      const runs = await assertHolds(arb.anyOrderPeriod(), async ({ period, inOrder }) => {
        const { row, error } = await write(period).then(
          (written) => ({ row: written, error: undefined }),
          (caught: unknown) => ({ row: null, error: caught }),
        );
        if (inOrder) {
          expect(error, method).toBeUndefined();
          expectFieldsEqual(row!, { ...period });
        } else {
          expect(error, method).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).fields, method).toEqual(['currentPeriodEnd']);
        }
      });
      expect(runs, method).toBe(DB_RUNS);
    }
  });
});

describe('subscriptions lookups', () => {
  it('50 hostile provider ids to each of findByProviderSubscriptionId / findByProviderEventId → ValidationError', async () => {
    const tenantId = (await factories.tenants.create()).id;
    const calls = [
      await assertLookupRefuses(hostileKey(), (id) =>
        SubscriptionQueries.findByProviderSubscriptionId(id as never, { tenantId }),
      ),
      await assertLookupRefuses(hostileKey(), (id) => SubscriptionEventQueries.findByProviderEventId(id as never)),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS]);
  });
});

function pickEvent(input: Record<string, unknown>) {
  const { providerEventId, providerSubscriptionId, type, payload, occurredAt } = input;
  return { providerEventId, providerSubscriptionId, type, payload, occurredAt };
}

/** List filters: `undefined` means "no filter", so only non-null hostile filters are hostile there. */
function filters(spec: Parameters<typeof hostileInput>[0]) {
  return hostileInput(spec).filter((c) => c.input !== undefined && c.input !== null);
}
