export { type IngestEventResult } from './ingest-event.js';
export { SubscriptionEventQueries, type ListSubscriptionEventsInput } from './subscription-event.js';
export { SubscriptionQueries, type ListSubscriptionsInput } from './subscription.js';
