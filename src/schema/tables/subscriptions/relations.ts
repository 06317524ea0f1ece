import { relations } from 'drizzle-orm';
import { tenants } from '../tenant/tenant.ts';
import { subscriptionEvents } from './subscription-event.ts';
import { subscriptions } from './subscription.ts';

export const subscriptionsRelations = relations(subscriptions, ({ one, many }) => ({
  tenant: one(tenants, { fields: [subscriptions.tenantId], references: [tenants.id] }),
  events: many(subscriptionEvents),
}));

export const subscriptionEventsRelations = relations(subscriptionEvents, ({ one }) => ({
  subscription: one(subscriptions, { fields: [subscriptionEvents.subscriptionId], references: [subscriptions.id] }),
}));
