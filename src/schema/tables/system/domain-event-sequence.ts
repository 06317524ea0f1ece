import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * @internal-table a counter maintained only by the `domain_events_assign_sequence` trigger: no DTO, query object or
 * factory (rows appear when domain events are written).
 *
 * The last sequence number handed out per aggregate. Written only by the `domain_events_assign_sequence` trigger;
 * its row lock serializes the writers of one aggregate. Kept when events are pruned, so numbers are never reused.
 */
export const domainEventSequences = pgTable(
  'domain_event_sequences',
  {
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    lastSequence: bigint('last_sequence', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'domain_event_sequences_pkey', columns: [t.aggregateType, t.aggregateId] }),
    check('domain_event_sequences_last_sequence_positive', sql`${t.lastSequence} > 0`),
  ],
).enableRLS();
