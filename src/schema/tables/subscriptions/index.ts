export { subscriptionEventsRelations, subscriptionsRelations } from './relations.js';
export {
  SUBSCRIPTION_EVENT_TYPE_MAX,
  subscriptionEvents,
  type SubscriptionEventPayload,
} from './subscription-event.js';
export {
  CURRENT_SUBSCRIPTION_STATUSES,
  SUBSCRIPTION_PLAN_MAX,
  SUBSCRIPTION_PROVIDER_ID_MAX,
  SUBSCRIPTION_PROVIDER_MAX,
  SUBSCRIPTION_STATUSES,
  subscriptionStatus,
  subscriptions,
  type SubscriptionStatus,
} from './subscription.js';
