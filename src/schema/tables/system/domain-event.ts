import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../../_shared.js';

export const DOMAIN_EVENT_STATUSES = ['pending', 'published', 'failed'] as const;
export type DomainEventStatus = (typeof DOMAIN_EVENT_STATUSES)[number];
export const domainEventStatus = pgEnum('domain_event_status', DOMAIN_EVENT_STATUSES);

export const DOMAIN_EVENT_NAME_MAX = 200;
export const DOMAIN_EVENT_ERROR_MAX = 2000;

/** An event's data; shape checked by DomainEventPayloadSchema in the DTO. */
export type DomainEventPayload = Record<string, unknown>;

/**
 * Transactional outbox: written in the transaction of the change it describes (DomainEventQueries is its only
 * writer), claimed by publishers with `FOR UPDATE SKIP LOCKED`. `aggregate_id` is text, not uuid: aggregates may be
 * keyed by provider ids (`sub_...`) or composite keys.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: id(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    // The default is a placeholder: the domain_events_assign_sequence trigger always overwrites it.
    sequenceNumber: bigint('sequence_number', { mode: 'number' }).notNull().default(0),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<DomainEventPayload>().notNull().default({}),
    correlationId: text('correlation_id'),
    status: domainEventStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Lease of the publisher that claimed the event; after it passes, another publisher may claim it again. */
    claimedUntil: timestamptz('claimed_until'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    publishedAt: timestamptz('published_at'),
    failedAt: timestamptz('failed_at'),
  },
  (t) => [
    uniqueIndex('domain_events_aggregate_sequence_unique').on(t.aggregateType, t.aggregateId, t.sequenceNumber),
    // Claiming: oldest pending first.
    index('domain_events_pending_created_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    // Pruning published and failed events by age.
    index('domain_events_done_created_idx')
      .on(t.createdAt)
      .where(sql`${t.status} <> 'pending'`),
    check('domain_events_attempts_non_negative', sql`${t.attempts} >= 0`),
    check('domain_events_sequence_number_positive', sql`${t.sequenceNumber} > 0`),
    check('domain_events_payload_object', sql`jsonb_typeof(${t.payload}) = 'object'`),
    check(
      'domain_events_names_length',
      sql.join(
        [t.aggregateType, t.aggregateId, t.eventType].map(
          (column) => sql`char_length(${column}) between 1 and ${sql.raw(String(DOMAIN_EVENT_NAME_MAX))}`,
        ),
        sql` and `,
      ),
    ),
    check('domain_events_published_at_status', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    check('domain_events_failed_at_status', sql`(${t.status} = 'failed') = (${t.failedAt} is not null)`),
  ],
).enableRLS();
