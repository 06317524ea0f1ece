import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { subscriptionEvents } from '../../src/schema/tables/subscriptions/subscription-event.js';
import { subscriptions } from '../../src/schema/tables/subscriptions/subscription.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';
import { violation } from '../support/constraint-violation.js';
import { factories } from '../../src/testing/index.js';
import { providerId } from '../support/provider-id.js';

let tenantId: string;

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
});

const rejects = async (statement: () => Promise<unknown>, constraint: string) =>
  expect(await violation(statement)).toMatchObject({ constraint });

describe('subscriptions table', () => {
  it('stores one row per provider_subscription_id', async () => {
    const first = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active' });
    const other = (await factories.tenants.create()).id;
    await rejects(
      () =>
        factories.subscriptions.create({
          tenantId: other,
          plan: 'pro',
          status: 'active',
          providerSubscriptionId: first.providerSubscriptionId,
        }),
      'subscriptions_provider_subscription_id_unique',
    );
  });

  it('defaults: provider stripe, status incomplete, quantity 1, cancel_at_period_end false', async () => {
    const [row] = await db
      .insert(subscriptions)
      .values({ tenantId, providerCustomerId: 'cus_1', providerSubscriptionId: providerId('sub'), plan: 'pro' })
      .returning();
    expect(row).toMatchObject({ provider: 'stripe', status: 'incomplete', quantity: 1, cancelAtPeriodEnd: false });
  });

  it('checks quantity >= 0 (0 allowed) and period end after start', async () => {
    expect(
      (await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active', quantity: 0 })).quantity,
    ).toBe(0);
    await rejects(
      () => factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active', quantity: -1 }),
      'subscriptions_quantity_non_negative',
    );
    const start = new Date('2030-01-01T00:00:00Z');
    await rejects(
      () =>
        factories.subscriptions.create({
          tenantId,
          plan: 'pro',
          status: 'active',
          currentPeriodStart: start,
          currentPeriodEnd: start,
        }),
      'subscriptions_period_order',
    );
    // one side missing is allowed (an incomplete subscription has no period yet)
    expect(
      (
        await factories.subscriptions.create({
          tenantId,
          plan: 'pro',
          status: 'active',
          currentPeriodStart: start,
          currentPeriodEnd: null,
        })
      ).currentPeriodEnd,
    ).toBeNull();
    await rejects(
      () => factories.subscriptions.create({ tenantId, status: 'active', plan: '' }),
      'subscriptions_plan_length',
    );
    await rejects(
      () => factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active', providerSubscriptionId: '' }),
      'subscriptions_provider_ids_length',
    );
  });

  it('rejects a status outside the enum', async () => {
    const error = await violation(() =>
      db.execute(sql`insert into subscriptions (tenant_id, provider_customer_id, provider_subscription_id, plan, status)
        values (${tenantId}, 'cus', 'sub_x', 'pro', 'expired')`),
    );
    expect(error.code).toBe('22P02'); // invalid_text_representation: not a subscription_status
  });

  it('updated_at is moved by the trigger, even for raw SQL', async () => {
    const row = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active' });
    await db.execute(sql`update subscriptions set plan = 'team' where id = ${row.id}`);
    const [after] = await db.select().from(subscriptions).where(eq(subscriptions.id, row.id));
    expect(after!.updatedAt.getTime()).toBeGreaterThan(row.updatedAt.getTime());
    expect(after!.createdAt).toEqual(row.createdAt);
  });

  it('deleting the tenant deletes its subscriptions and their events', async () => {
    const subscription = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active' });
    const event = await factories.subscriptionEvents.create({ processedAt: null, subscriptionId: subscription.id });
    const unmatched = await factories.subscriptionEvents.create({ subscriptionId: null, processedAt: null });
    await db.delete(tenants).where(eq(tenants.id, tenantId));
    expect(await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id))).toEqual([]);
    expect(await db.select().from(subscriptionEvents).where(eq(subscriptionEvents.id, event.id))).toEqual([]);
    // an event not matched to any subscription belongs to no tenant and stays
    expect(await db.select().from(subscriptionEvents).where(eq(subscriptionEvents.id, unmatched.id))).toHaveLength(1);
  });
});

describe('subscription_events table', () => {
  it('stores a provider event once: a second delivery hits the unique key', async () => {
    const event = await factories.subscriptionEvents.create({ subscriptionId: null, processedAt: null });
    await rejects(
      () =>
        factories.subscriptionEvents.create({
          subscriptionId: null,
          processedAt: null,
          providerEventId: event.providerEventId,
        }),
      'subscription_events_provider_event_id_unique',
    );
  });

  it('subscription_id is nullable until matched, and must point at a subscription', async () => {
    // undefined: both left to the table (no parent subscription made, no processedAt), so the defaults are what is read
    const event = await factories.subscriptionEvents.create({ subscriptionId: undefined, processedAt: undefined });
    expect(event).toMatchObject({ subscriptionId: null, processedAt: null });
    await rejects(
      () => factories.subscriptionEvents.create({ processedAt: null, subscriptionId: crypto.randomUUID() }),
      'subscription_events_subscription_id_subscriptions_id_fk',
    );
  });

  it('payload must be a JSON object', async () => {
    await rejects(
      () =>
        db.execute(sql`insert into subscription_events (provider_event_id, type, payload, occurred_at)
        values ('evt_array', 'x', '[1,2]'::jsonb, now())`),
      'subscription_events_payload_object',
    );
    await rejects(
      () => factories.subscriptionEvents.create({ subscriptionId: null, processedAt: null, type: '' }),
      'subscription_events_type_length',
    );
  });

  it('the unprocessed partial index exists and covers only unprocessed rows', async () => {
    const rows = await db.execute<{ indexdef: string }>(
      sql`select indexdef from pg_indexes where indexname = 'subscription_events_unprocessed_idx'`,
    );
    const definition = (Array.isArray(rows) ? rows : (rows as { rows: { indexdef: string }[] }).rows)[0]?.indexdef;
    expect(definition).toMatch(/WHERE \(processed_at IS NULL\)/);
  });

  it('relations: tenant -> subscriptions -> events, and back', async () => {
    const subscription = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active' });
    const event = await factories.subscriptionEvents.create({ processedAt: null, subscriptionId: subscription.id });
    const tenant = await db.query.tenants.findFirst({
      where: eq(tenants.id, tenantId),
      with: { subscriptions: { with: { events: true } } },
    });
    // Runtime merges the `many` sides split over several relations() of `tenants`; drizzle's types do not (they
    // see a union of the relation configs), hence the cast.
    const loadedSubscriptions = (tenant as unknown as { subscriptions: { id: string; events: { id: string }[] }[] })
      .subscriptions;
    expect(loadedSubscriptions.map((s) => [s.id, s.events.map((e) => e.id)])).toEqual([[subscription.id, [event.id]]]);
    const loaded = await db.query.subscriptionEvents.findFirst({
      where: eq(subscriptionEvents.id, event.id),
      with: { subscription: { with: { tenant: true } } },
    });
    expect(loaded?.subscription?.tenant.id).toBe(tenantId);
  });
});
