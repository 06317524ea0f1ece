export { type IngestEventResult } from './ingest-event.ts';
export { SubscriptionEventQueries, type ListSubscriptionEventsInput } from './subscription-events.ts';
export { SubscriptionQueries, type ListSubscriptionsInput } from './subscriptions.ts';
