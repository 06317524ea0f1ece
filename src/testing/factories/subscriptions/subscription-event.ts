import { subscriptionEvents } from '../../../schema/tables/subscriptions/subscription-event.js';
import { defineFactory, fake } from '../_factory.js';
import { createSubscriptionFactory } from './subscription.js';

/**
 * A processed webhook, stored directly (SubscriptionQueries.ingestEvent is the production path and also applies it).
 * `create` makes the subscription the event names by its provider subscription id.
 */
export const createSubscriptionEventFactory = () =>
  defineFactory({
    build: (): typeof subscriptionEvents.$inferInsert => {
      const providerSubscriptionId = `sub_${fake.token().slice(0, 14)}${fake.sequence()}`;
      const type = fake.pick(['customer.subscription.created', 'customer.subscription.updated', 'invoice.paid']);
      const occurredAt = fake.date(-fake.int(0, 30));
      return {
        subscriptionId: fake.uuid(),
        providerEventId: `evt_${fake.token().slice(0, 14)}${fake.sequence()}`,
        providerSubscriptionId,
        type,
        payload: { id: providerSubscriptionId, object: 'subscription', type },
        occurredAt,
        processedAt: occurredAt,
      };
    },
    parents: {
      subscriptionId: async ({ providerSubscriptionId }) =>
        (await createSubscriptionFactory().create(providerSubscriptionId ? { providerSubscriptionId } : {})).id,
    },
    insert: async (db, input) => (await db.insert(subscriptionEvents).values(input).returning())[0]!,
  });
