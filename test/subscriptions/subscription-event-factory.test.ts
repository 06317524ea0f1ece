import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { subscriptions } from '../../src/schema/tables/subscriptions/subscription.js';
import { factories } from '../../src/testing/index.js';

// The subscription event factory's parent (the factories as a whole: test/testing/factories.test.ts).

it('a subscription event names the subscription it was attached to', async () => {
  const event = await factories.subscriptionEvents.create();
  const subscription = await db.query.subscriptions.findFirst({
    where: eq(subscriptions.id, event.subscriptionId!),
  });
  expect(subscription?.providerSubscriptionId).toBe(event.providerSubscriptionId);
});
