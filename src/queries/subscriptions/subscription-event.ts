import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { SubscriptionEvent } from '../../dto/subscriptions/subscription-event.js';
import { NotFoundError } from '../../errors/classes.js';
import { subscriptionEvents } from '../../schema/tables/subscriptions/subscription-event.js';
import { subscriptions } from '../../schema/tables/subscriptions/subscription.js';
import type { TenantScope } from '../../scope/tenant.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { orNotFound } from '../_lib/not-found.js';
import { parsePage, type PageRequest } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput, resolveTenantId } from '../_lib/validate.js';
import { ProviderIdInput } from './provider-id.js';

const ENTITY = 'SubscriptionEvent';

export type ListSubscriptionEventsInput = PageRequest;

/** Oldest first, for the work queue: `(created_at, id) > cursor`, served by the partial unprocessed index. */
function afterCursorOldestFirst(position: { createdAt: Date; id: string } | undefined): SQL | undefined {
  if (!position) return undefined;
  return sql`(${subscriptionEvents.createdAt}, ${subscriptionEvents.id}) > (${sql.param(position.createdAt, subscriptionEvents.createdAt)}, ${sql.param(position.id, subscriptionEvents.id)})`;
}

/**
 * Stored provider webhooks (written by `SubscriptionQueries.ingestEvent`). A subscription's history is tenant-scoped
 * through its subscription; the unprocessed queue and the provider-id lookup are for server-side workers and see
 * every tenant's events (unmatched events belong to no tenant yet).
 */
export const SubscriptionEventQueries = {
  /** A subscription's events, newest first; NotFoundError when the subscription is not the tenant's. */
  async listForSubscription(
    subscriptionId: string,
    input: ListSubscriptionEventsInput = {},
    options?: TenantScope,
  ): Promise<Page<SubscriptionEvent>> {
    const tenantId = resolveTenantId(ENTITY, options);
    const id = parseId(ENTITY, subscriptionId, 'subscriptionId');
    const { limit, position } = parsePage(ENTITY, input);
    return read(async (db) => {
      const [owner] = await db
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .where(and(eq(subscriptions.id, id), eq(subscriptions.tenantId, tenantId)));
      if (!owner) throw new NotFoundError('Subscription', `id=${subscriptionId}`);
      const rows = await db
        .select()
        .from(subscriptionEvents)
        .where(and(eq(subscriptionEvents.subscriptionId, id), afterCursor(subscriptionEvents, position)))
        .orderBy(...newestFirst(subscriptionEvents))
        .limit(limit + 1);
      return toPage(rows, limit);
    });
  },

  /** Events not processed yet (mostly unmatched ones), oldest first. Not tenant-scoped: for a server-side worker. */
  async listUnprocessed(input: ListSubscriptionEventsInput = {}): Promise<Page<SubscriptionEvent>> {
    const { limit, position } = parsePage(ENTITY, input);
    const rows = await read((db) =>
      db
        .select()
        .from(subscriptionEvents)
        .where(and(isNull(subscriptionEvents.processedAt), afterCursorOldestFirst(position)))
        .orderBy(asc(subscriptionEvents.createdAt), asc(subscriptionEvents.id))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /** Not tenant-scoped: a webhook handler checks whether it has seen an event. */
  async findByProviderEventId(providerEventId: string): Promise<SubscriptionEvent | null> {
    const { id } = parseInput(ENTITY, ProviderIdInput, { id: providerEventId });
    const [row] = await read((db) =>
      db.select().from(subscriptionEvents).where(eq(subscriptionEvents.providerEventId, id)).limit(1),
    );
    return row ?? null;
  },

  /**
   * Marks an event handled by a worker (applied by hand, or not about any subscription), taking it off the
   * unprocessed queue. Idempotent: an already processed event keeps its first processed_at.
   */
  async markProcessed(id: string): Promise<SubscriptionEvent> {
    const eventId = parseId(ENTITY, id);
    const [row] = await write((db) =>
      db
        .update(subscriptionEvents)
        .set({ processedAt: sql`coalesce(${subscriptionEvents.processedAt}, now())` })
        .where(eq(subscriptionEvents.id, eventId))
        .returning(),
    );
    return orNotFound(row, ENTITY, `id=${id}`);
  },
};
