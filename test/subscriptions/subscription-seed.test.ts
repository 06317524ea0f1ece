import { expect, it } from 'vitest';
import { SubscriptionQueries } from '../../src/queries/subscriptions/subscription.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { seedDemoData } from '../../src/seed/index.js';

// The subscriptions step of the demo seed (test/seed/seed.test.ts checks the run as a whole), inside the test's
// rolled-back transaction.

it(
  'the demo seed leaves Acme on an active pro subscription, brought there by webhook events',
  { timeout: 60_000 },
  async () => {
    const result = await seedDemoData({ log: () => {} });
    expect(result.skipped).toBe(false);
    const acme = await TenantQueries.findBySlug('acme');
    expect(await SubscriptionQueries.activeForTenant(acme!.id)).toMatchObject({ status: 'active', plan: 'pro' });
  },
);
