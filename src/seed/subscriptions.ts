import type { IngestSubscriptionEvent } from '../dto/subscriptions/subscription-event.js';
import type { SubscriptionStatus } from '../schema/tables/subscriptions/subscription.js';
import { SubscriptionQueries } from '../queries/subscriptions/subscription.js';
import { daysAgo, type SeededTenant, type TableCounts } from './context.js';

type StateChange = Omit<IngestSubscriptionEvent, 'providerEventId' | 'providerSubscriptionId' | 'payload'>;

/** The provider's story of each tenant's subscription, oldest first; times are days before now. */
function history(slug: string, quantity: number): StateChange[] {
  const created = (status: SubscriptionStatus): StateChange => ({
    type: 'customer.subscription.created',
    occurredAt: daysAgo(40),
    status,
    quantity,
    trialEndsAt: daysAgo(26),
  });
  const renewed = (days: number): StateChange => ({
    type: 'customer.subscription.updated',
    occurredAt: daysAgo(days),
    status: 'active',
    currentPeriodStart: daysAgo(days),
    currentPeriodEnd: daysAgo(days - 30),
  });
  switch (slug) {
    case 'globex':
      return [{ ...created('trialing'), occurredAt: daysAgo(5), trialEndsAt: daysAgo(-9) }];
    case 'initech':
      return [
        created('trialing'),
        renewed(26),
        { type: 'customer.subscription.deleted', occurredAt: daysAgo(3), status: 'canceled' },
      ];
    default:
      return [created('trialing'), renewed(26), { type: 'invoice.paid', occurredAt: daysAgo(26) }];
  }
}

/**
 * One Stripe subscription per tenant (Acme active, Globex trialing, Initech canceled), brought to its state by
 * webhook events through SubscriptionQueries.ingestEvent, as production would. Acme also gets a redelivered event
 * (stored once) and a late, out-of-order one (stored, marked stale, ignored).
 */
export async function seedSubscriptions(tenants: SeededTenant[]): Promise<TableCounts> {
  let events = 0;
  for (const { spec, tenant, everyone } of tenants) {
    const providerSubscriptionId = `sub_demo_${spec.slug}`;
    await SubscriptionQueries.create(
      { providerCustomerId: `cus_demo_${spec.slug}`, providerSubscriptionId, plan: spec.plan, status: 'incomplete' },
      { tenantId: tenant.id },
    );
    const ingest = async (providerEventId: string, change: StateChange) => {
      const result = await SubscriptionQueries.ingestEvent({
        providerEventId,
        providerSubscriptionId,
        payload: {
          id: providerEventId,
          object: 'event',
          type: change.type,
          data: { object: { id: providerSubscriptionId } },
        },
        ...change,
      });
      if (!result.duplicate) events++;
      return result;
    };
    const steps = history(spec.slug, everyone.length);
    for (const [i, change] of steps.entries()) await ingest(`evt_demo_${spec.slug}_${i + 1}`, change);
    if (spec.slug === 'acme') {
      await ingest('evt_demo_acme_1', steps[0]!);
      await ingest('evt_demo_acme_late', {
        type: 'customer.subscription.updated',
        occurredAt: daysAgo(30),
        status: 'past_due',
      });
    }
  }
  return { subscriptions: tenants.length, subscription_events: events };
}
