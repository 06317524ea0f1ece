import { subscriptions } from '../../../schema/tables/subscriptions/subscription.js';
import { createTenantFactory } from '../tenant/tenant.js';
import { defineFactory, fake } from '../_factory.js';

export const createSubscriptionFactory = () =>
  defineFactory({
    build: (): typeof subscriptions.$inferInsert => {
      const n = fake.sequence();
      const start = fake.date(-fake.int(0, 20));
      return {
        tenantId: fake.uuid(),
        provider: 'stripe',
        providerCustomerId: `cus_${fake.token().slice(0, 14)}${n}`,
        providerSubscriptionId: `sub_${fake.token().slice(0, 14)}${n}`,
        plan: fake.pick(['starter', 'pro', 'enterprise']),
        status: fake.pick(['trialing', 'active', 'past_due'] as const),
        quantity: fake.int(1, 25),
        currentPeriodStart: start,
        currentPeriodEnd: new Date(start.getTime() + 30 * 86_400_000),
        cancelAtPeriodEnd: fake.bool(0.1),
      };
    },
    parents: { tenantId: async () => (await createTenantFactory().create()).id },
    insert: async (db, input) => (await db.insert(subscriptions).values(input).returning())[0]!,
  });
