import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { CheckViolationError, ValidationError } from '../../src/errors/classes.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { SubscriptionEventQueries } from '../../src/queries/subscriptions/subscription-event.js';
import { SubscriptionQueries } from '../../src/queries/subscriptions/subscription.js';
import { subscriptionEvents } from '../../src/schema/tables/subscriptions/subscription-event.js';
import { subscriptions } from '../../src/schema/tables/subscriptions/subscription.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import { providerId } from '../support/provider-id.js';

let tenantId: string;
beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
});

const at = (iso: string) => new Date(iso);
const event = (providerSubscriptionId: string, overrides: Record<string, unknown> = {}) => ({
  providerEventId: providerId('evt'),
  type: 'customer.subscription.updated',
  payload: { id: 'evt', data: { object: { id: providerSubscriptionId } } },
  occurredAt: at('2030-01-01T00:00:00Z'),
  providerSubscriptionId,
  ...overrides,
});

describe('SubscriptionQueries.ingestEvent', () => {
  it('applies the event to the matched subscription and marks it processed', async () => {
    const subscription = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'trialing' });
    const result = await SubscriptionQueries.ingestEvent(
      event(subscription.providerSubscriptionId, {
        status: 'active',
        currentPeriodStart: at('2030-01-01T00:00:00Z'),
        currentPeriodEnd: at('2030-02-01T00:00:00Z'),
      }),
    );
    expect(result).toMatchObject({ duplicate: false, outcome: 'applied' });
    if (result.duplicate) throw new Error('unreachable');
    expect(result.subscription).toMatchObject({
      id: subscription.id,
      status: 'active',
      plan: subscription.plan, // omitted: unchanged
      currentPeriodEnd: at('2030-02-01T00:00:00Z'),
      lastEventAt: at('2030-01-01T00:00:00Z'),
    });
    expect(result.event).toMatchObject({ subscriptionId: subscription.id });
    expect(result.event.processedAt).toBeInstanceOf(Date);
  });

  it('a webhook delivered twice is stored once and applied once', async () => {
    const subscription = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active', quantity: 1 });
    const delivery = event(subscription.providerSubscriptionId, { status: 'past_due', quantity: 3 });
    const first = await SubscriptionQueries.ingestEvent(delivery);
    // between the deliveries someone changes the row; the redelivery must not re-apply over it
    await SubscriptionQueries.update(subscription.id, { status: 'active' }, { tenantId });
    const second = await SubscriptionQueries.ingestEvent(delivery);
    expect(second).toEqual({ duplicate: true, event: first.event });
    const rows = await db
      .select()
      .from(subscriptionEvents)
      .where(eq(subscriptionEvents.providerEventId, delivery.providerEventId));
    expect(rows).toHaveLength(1);
    expect((await SubscriptionQueries.getById(subscription.id, { tenantId })).status).toBe('active');
  });

  it('ignores an event older than the last applied one (stored, processed, changes nothing)', async () => {
    const subscription = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active' });
    const newer = event(subscription.providerSubscriptionId, {
      status: 'canceled',
      occurredAt: at('2030-01-02T00:00:00Z'),
    });
    const older = event(subscription.providerSubscriptionId, {
      status: 'past_due',
      occurredAt: at('2030-01-01T00:00:00Z'),
    });
    await SubscriptionQueries.ingestEvent(newer);
    const late = await SubscriptionQueries.ingestEvent(older);
    expect(late).toMatchObject({ duplicate: false, outcome: 'stale', subscription: { status: 'canceled' } });
    const current = await SubscriptionQueries.getById(subscription.id, { tenantId });
    expect(current).toMatchObject({ status: 'canceled', lastEventAt: at('2030-01-02T00:00:00Z') });
    expect((await SubscriptionEventQueries.findByProviderEventId(older.providerEventId))?.processedAt).toBeInstanceOf(
      Date,
    );
    // same occurred_at as the last applied one: applied (arrival order)
    const tie = await SubscriptionQueries.ingestEvent(
      event(subscription.providerSubscriptionId, { status: 'active', occurredAt: at('2030-01-02T00:00:00Z') }),
    );
    expect(tie).toMatchObject({ outcome: 'applied', subscription: { status: 'active' } });
  });

  it('stores an event with no known subscription unprocessed and unmatched', async () => {
    const unknown = event(providerId('sub'));
    const result = await SubscriptionQueries.ingestEvent(unknown);
    expect(result).toMatchObject({ duplicate: false, outcome: 'unmatched', subscription: null });
    expect(result.event).toMatchObject({
      subscriptionId: null,
      processedAt: null,
      providerSubscriptionId: unknown.providerSubscriptionId,
    });
    const noSubscription = await SubscriptionQueries.ingestEvent({
      ...event('x'),
      providerSubscriptionId: undefined,
      type: 'invoice.created',
    });
    expect(noSubscription).toMatchObject({ outcome: 'unmatched' });
  });

  it('validates input before any SQL', async () => {
    const error = await SubscriptionQueries.ingestEvent({
      ...event('sub_x'),
      providerEventId: '',
      payload: [1, 2] as never,
      occurredAt: 'yesterday' as never,
      status: 'gone' as never,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['occurredAt', 'payload', 'providerEventId', 'status']);
    await expect(SubscriptionQueries.ingestEvent({ ...event('sub_x'), tenantId } as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('a period that ends before it starts is a ValidationError naming currentPeriodEnd, before any SQL', async () => {
    const subscription = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active' });
    const bad = event(subscription.providerSubscriptionId, {
      currentPeriodStart: at('2030-02-01T00:00:00Z'),
      currentPeriodEnd: at('2030-01-01T00:00:00Z'),
    });
    const error = await SubscriptionQueries.ingestEvent(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['currentPeriodEnd']);
    expect(await SubscriptionEventQueries.findByProviderEventId(bad.providerEventId)).toBeNull();
  });

  it('a rejected change rolls back the whole ingest, the event included', async () => {
    const subscription = await factories.subscriptions.create({
      tenantId,
      plan: 'pro',
      status: 'active',
      currentPeriodStart: at('2030-01-01T00:00:00Z'),
      currentPeriodEnd: null,
    });
    const bad = event(subscription.providerSubscriptionId, { currentPeriodEnd: at('2029-01-01T00:00:00Z') });
    await expect(SubscriptionQueries.ingestEvent(bad)).rejects.toBeInstanceOf(CheckViolationError);
    expect(await SubscriptionEventQueries.findByProviderEventId(bad.providerEventId)).toBeNull();
    expect((await SubscriptionQueries.getById(subscription.id, { tenantId })).lastEventAt).toBeNull();
  });

  it('concurrent deliveries of one event (committed, own database): one stored, one applied', async () => {
    const handle = await isolatedDatabase();
    try {
      await runWithExecutor(handle.db, async () => {
        const [tenant] = await db
          .insert(tenants)
          .values({ name: 'Iso', slug: `iso-${providerId('t').slice(2, 10)}` })
          .returning();
        const subscription = await factories.subscriptions.create({
          tenantId: tenant!.id,
          plan: 'pro',
          status: 'active',
          quantity: 1,
        });
        const delivery = event(subscription.providerSubscriptionId, { status: 'past_due', quantity: 7 });
        const results = await Promise.all(Array.from({ length: 5 }, () => SubscriptionQueries.ingestEvent(delivery)));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(results.filter((r) => r.duplicate)).toHaveLength(4);
        const stored = await db
          .select()
          .from(subscriptionEvents)
          .where(eq(subscriptionEvents.providerEventId, delivery.providerEventId));
        expect(stored).toHaveLength(1);
        const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
        expect(row).toMatchObject({ status: 'past_due', quantity: 7 });
      });
    } finally {
      await handle.close();
    }
  });
});
