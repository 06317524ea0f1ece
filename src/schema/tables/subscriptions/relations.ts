import { relations } from 'drizzle-orm';
import { tenants } from '../tenant/tenant.js';
import { subscriptionEvents } from './subscription-event.js';
import { subscriptions } from './subscription.js';

export const subscriptionsRelations = relations(subscriptions, ({ one, many }) => ({
  tenant: one(tenants, { fields: [subscriptions.tenantId], references: [tenants.id] }),
  events: many(subscriptionEvents),
}));

export const subscriptionEventsRelations = relations(subscriptionEvents, ({ one }) => ({
  subscription: one(subscriptions, { fields: [subscriptionEvents.subscriptionId], references: [subscriptions.id] }),
}));
