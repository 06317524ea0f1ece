import { randomUUID } from 'node:crypto';
import { db } from '../../src/client/db.ts';
import { subscriptionEvents } from '../../src/schema/tables/subscriptions/subscription-events.ts';
import { subscriptions } from '../../src/schema/tables/subscriptions/subscriptions.ts';

// Billing rows written straight to the tables, for constraint tests and as parents.

export const providerId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;

export async function insertSubscription(tenantId: string, overrides: Partial<typeof subscriptions.$inferInsert> = {}) {
  const [row] = await db
    .insert(subscriptions)
    .values({
      tenantId,
      providerCustomerId: providerId('cus'),
      providerSubscriptionId: providerId('sub'),
      plan: 'pro',
      status: 'active',
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertSubscriptionEvent(overrides: Partial<typeof subscriptionEvents.$inferInsert> = {}) {
  const [row] = await db
    .insert(subscriptionEvents)
    .values({
      providerEventId: providerId('evt'),
      type: 'customer.subscription.updated',
      payload: { object: 'event' },
      occurredAt: new Date(),
      ...overrides,
    })
    .returning();
  return row!;
}
