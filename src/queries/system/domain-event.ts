import { and, asc, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { safeText, uuid } from '../../dto/_fields.js';
import type { Executor } from '../../client/types.js';
import {
  DomainEventFilterSchema,
  NewDomainEventSchema,
  type DomainEvent,
  type DomainEventFilter,
  type NewDomainEvent,
} from '../../dto/system/domain-event.js';
import { DatabaseError } from '../../errors/classes.js';
import { isTransaction, runWithExecutor } from '../../client/executor.js';
import { DOMAIN_EVENT_ERROR_MAX, domainEvents } from '../../schema/tables/system/domain-event.js';
import { eqEachSet } from '../_lib/filters.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { read, write } from '../_lib/run.js';
import { parseCutoff, parseId, parseInput } from '../_lib/validate.js';
import { deleteInBatches } from './delete-in-batches.js';
import { truncateText } from '../_lib/truncate.js';

const ENTITY = 'DomainEvent';

export type ListDomainEventsInput = ListInput<DomainEventFilter>;

export interface ClaimOptions {
  /** How long the claim holds; after it, an unfinished event can be claimed again (crashed publisher). Default 300. */
  leaseSeconds?: number;
}

const ClaimInput = z.object({
  limit: z.number().int().min(1).max(1000),
  leaseSeconds: z.number().int().min(1).max(86_400).default(300),
});

const Ids = z.array(uuid()).max(1000);

/** The outbox needs the caller's transaction: an event written outside it could outlive a rolled-back change. */
export class OutboxTransactionError extends DatabaseError {
  override name = 'OutboxTransactionError';
  constructor() {
    super(
      'validation',
      'insertDomainEventInTransaction needs the open transaction of the change (withTransaction((tx) => ...))',
    );
  }
}

async function findById(id: string): Promise<DomainEvent | null> {
  const eventId = parseId(ENTITY, id);
  const rows = await read((db) => db.select().from(domainEvents).where(eq(domainEvents.id, eventId)).limit(1));
  return rows[0] ?? null;
}

// A publisher polls claimBatch in a loop: prepared once per executor (inside a transaction, per savepoint, as every
// write), the batch size and lease as placeholders.
const claimPending = preparedPerExecutor((db) =>
  db
    .update(domainEvents)
    .set({
      attempts: sql`${domainEvents.attempts} + 1`,
      claimedUntil: sql`clock_timestamp() + ${sql.placeholder('leaseSeconds')}::integer * interval '1 second'`,
    })
    .where(
      inArray(
        domainEvents.id,
        db
          .select({ id: domainEvents.id })
          .from(domainEvents)
          .where(
            and(
              eq(domainEvents.status, 'pending'),
              or(isNull(domainEvents.claimedUntil), lte(domainEvents.claimedUntil, sql`clock_timestamp()`)),
            ),
          )
          .orderBy(asc(domainEvents.createdAt), asc(domainEvents.id))
          .limit(sql.placeholder('limit'))
          .for('update', { skipLocked: true }),
      ),
    )
    .returning()
    .prepare('domain_events_claim_batch'),
);

/** Publication order: oldest first; within an aggregate, by sequence number. */
function publicationOrder(a: DomainEvent, b: DomainEvent): number {
  return (
    a.createdAt.getTime() - b.createdAt.getTime() ||
    a.aggregateType.localeCompare(b.aggregateType) ||
    a.aggregateId.localeCompare(b.aggregateId) ||
    a.sequenceNumber - b.sequenceNumber
  );
}

/**
 * The transactional outbox, and the only writer of domain_events. A change and its event commit together
 * (`insertDomainEventInTransaction`); publishers then `claimBatch`, publish, and `markPublished` / `markFailed`.
 *
 * Claims are leases, not held locks: `claimBatch` picks pending events with FOR UPDATE SKIP LOCKED (so concurrent
 * publishers never pick the same row), increments `attempts` and sets `claimed_until = now + lease`, and commits.
 * The publisher works outside any transaction; an event whose publisher died becomes claimable again when the lease
 * passes, with its attempts count kept. Delivery is therefore at least once: consumers dedupe on
 * (aggregate_type, aggregate_id, sequence_number), which also gives them per-aggregate order.
 */
export const DomainEventQueries = {
  /** Records `event` in `tx` (the transaction of the change it describes); the database assigns its sequence number. */
  async insertDomainEventInTransaction(tx: Executor, event: NewDomainEvent): Promise<DomainEvent> {
    if (!isTransaction(tx)) throw new OutboxTransactionError();
    const values = parseInput(ENTITY, NewDomainEventSchema, event);
    const [row] = await runWithExecutor(tx, () => write((db) => db.insert(domainEvents).values(values).returning()));
    return row!;
  },

  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** Newest first; filter by aggregate (type, optionally id) and status. */
  async list(input: ListDomainEventsInput = {}): Promise<Page<DomainEvent>> {
    const { limit, filter, position } = parseListInput(ENTITY, DomainEventFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(domainEvents)
        .where(and(...eqEachSet(domainEvents, filter), afterCursor(domainEvents, position)))
        .orderBy(...newestFirst(domainEvents))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /**
   * Claims up to `limit` pending events not under another publisher's lease, oldest first: attempts + 1 and a lease
   * of `leaseSeconds`. Concurrent callers never get the same event. Returns them in publication order.
   */
  async claimBatch(limit: number, options: ClaimOptions = {}): Promise<DomainEvent[]> {
    const claim = parseInput(ENTITY, ClaimInput, { limit, leaseSeconds: options.leaseSeconds });
    const rows = await write((db) =>
      claimPending(db).execute({ limit: claim.limit, leaseSeconds: claim.leaseSeconds }),
    );
    return rows.sort(publicationOrder);
  },

  /** Marks claimed events published; returns how many moved (events no longer pending are left alone). */
  async markPublished(ids: readonly string[]): Promise<number> {
    const eventIds = parseInput(ENTITY, Ids, ids);
    if (eventIds.length === 0) return 0;
    const rows = await write((db) =>
      db
        .update(domainEvents)
        .set({ status: 'published', publishedAt: sql`now()`, claimedUntil: null })
        .where(and(inArray(domainEvents.id, eventIds), eq(domainEvents.status, 'pending')))
        .returning({ id: domainEvents.id }),
    );
    return rows.length;
  },

  /** Gives up on a pending event for good, keeping the (truncated) error; NotFoundError if it is not pending. */
  async markFailed(id: string, error: string): Promise<DomainEvent> {
    const eventId = parseId(ENTITY, id);
    const lastError = truncateText(parseInput(ENTITY, safeText().min(1), error), DOMAIN_EVENT_ERROR_MAX);
    const [row] = await write((db) =>
      db
        .update(domainEvents)
        .set({ status: 'failed', failedAt: sql`now()`, lastError, claimedUntil: null })
        .where(and(eq(domainEvents.id, eventId), eq(domainEvents.status, 'pending')))
        .returning(),
    );
    return orNotFound(row, ENTITY, `pending id=${id}`);
  },

  /**
   * Deletes published and failed events created before `olderThan`, in batches; returns how many. Pending events are
   * never pruned. Sequence counters stay, so an aggregate's numbers are never reused.
   */
  async prunePublished(olderThan: Date): Promise<number> {
    const cutoff = parseCutoff(ENTITY, olderThan);
    return deleteInBatches((db, limit) =>
      db
        .delete(domainEvents)
        .where(
          inArray(
            domainEvents.id,
            db
              .select({ id: domainEvents.id })
              .from(domainEvents)
              .where(and(ne(domainEvents.status, 'pending'), lt(domainEvents.createdAt, cutoff)))
              .limit(limit),
          ),
        )
        .returning({ id: domainEvents.id }),
    );
  },
};
