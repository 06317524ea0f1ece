import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../../_shared.js';
import { SUBSCRIPTION_PROVIDER_ID_MAX, subscriptions } from './subscription.js';

/** The provider's event body as received; kept for audit and replay, never filtered on. Shape: dto/subscriptions. */
export type SubscriptionEventPayload = Record<string, unknown>;

export const SUBSCRIPTION_EVENT_TYPE_MAX = 100;

/**
 * Provider webhooks, stored once each (unique provider_event_id). `subscription_id` stays null until an event can be
 * matched to a subscription (it may arrive before the subscription is recorded); `provider_subscription_id` is what
 * it is matched by. `processed_at` is set once the event has been applied (or deliberately skipped as stale).
 */
export const subscriptionEvents = pgTable(
  'subscription_events',
  {
    id: id(),
    subscriptionId: uuid('subscription_id').references(() => subscriptions.id, { onDelete: 'cascade' }),
    providerEventId: text('provider_event_id').notNull(),
    providerSubscriptionId: text('provider_subscription_id'),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<SubscriptionEventPayload>().notNull().default({}),
    occurredAt: timestamptz('occurred_at').notNull(),
    processedAt: timestamptz('processed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('subscription_events_provider_event_id_unique').on(t.providerEventId),
    // A subscription's history, newest first (also the subscription_id FK index).
    index('subscription_events_subscription_created_idx').on(t.subscriptionId, t.createdAt.desc(), t.id.desc()),
    // The work queue: only unprocessed events, oldest first.
    index('subscription_events_unprocessed_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.processedAt} is null`),
    check('subscription_events_payload_object', sql`jsonb_typeof(${t.payload}) = 'object'`),
    check(
      'subscription_events_type_length',
      sql`char_length(${t.type}) between 1 and ${sql.raw(String(SUBSCRIPTION_EVENT_TYPE_MAX))}`,
    ),
    check(
      'subscription_events_provider_event_id_length',
      sql`char_length(${t.providerEventId}) between 1 and ${sql.raw(String(SUBSCRIPTION_PROVIDER_ID_MAX))}`,
    ),
  ],
).enableRLS();
