export { type IngestEventResult } from './ingest-event.ts';
export { SubscriptionEventQueries, type ListSubscriptionEventsInput } from './subscription-event.ts';
export { SubscriptionQueries, type ListSubscriptionsInput } from './subscription.ts';
