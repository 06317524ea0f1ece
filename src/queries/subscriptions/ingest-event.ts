import { eq, sql } from 'drizzle-orm';
import type { Subscription } from '../../dto/subscriptions/subscription.js';
import {
  IngestSubscriptionEventSchema,
  type IngestSubscriptionEvent,
  type SubscriptionEvent,
} from '../../dto/subscriptions/subscription-event.js';
import { withTransaction } from '../../client/executor.js';
import { subscriptionEvents } from '../../schema/tables/subscriptions/subscription-event.js';
import { subscriptions } from '../../schema/tables/subscriptions/subscription.js';
import { write } from '../_lib/run.js';
import { parseInput } from '../_lib/validate.js';

const ENTITY = 'SubscriptionEvent';

export type IngestEventResult =
  /** This provider_event_id was stored before: nothing changed. `event` is the stored one. */
  | { duplicate: true; event: SubscriptionEvent }
  | {
      duplicate: false;
      /**
       * applied: the subscription now reflects the event. stale: the event is older than the last one applied to the
       * subscription, so it was stored and marked processed but changed nothing. unmatched: no subscription (yet)
       * has its provider_subscription_id; the event is stored unprocessed (see SubscriptionEventQueries.listUnprocessed).
       */
      outcome: 'applied' | 'stale' | 'unmatched';
      event: SubscriptionEvent;
      subscription: Subscription | null;
    };

/**
 * Stores one provider webhook and applies it, in one transaction:
 * 1. INSERT ... ON CONFLICT (provider_event_id) DO NOTHING: a redelivered event is stored once. A concurrent
 *    delivery of the same event waits on the unique index and then sees the first one, so it is applied once.
 * 2. Finds the subscription by provider_subscription_id and locks it (FOR UPDATE), so events of one subscription
 *    apply one at a time.
 * 3. Providers do not deliver in order. An event whose occurred_at is older than the subscription's last_event_at
 *    is stale and changes nothing; otherwise the given fields (omitted = unchanged) are applied and last_event_at
 *    moves to occurred_at. Equal times apply, in arrival order (Stripe stamps events to the second).
 * 4. Marks the event processed and matched to the subscription.
 * A change the table rejects (say, a period end before the start the subscription already has: the DTO refuses an
 * end before the start only when both are given) rolls all of it back, the event included, so the provider's retry
 * meets the same rule.
 */
export async function ingestEvent(input: IngestSubscriptionEvent): Promise<IngestEventResult> {
  const { providerEventId, providerSubscriptionId, type, payload, occurredAt, ...changes } = parseInput(
    ENTITY,
    IngestSubscriptionEventSchema,
    input,
  );
  return write(() =>
    withTransaction(async (tx): Promise<IngestEventResult> => {
      const [stored] = await tx
        .insert(subscriptionEvents)
        .values({ providerEventId, providerSubscriptionId, type, payload, occurredAt })
        .onConflictDoNothing({ target: subscriptionEvents.providerEventId })
        .returning();
      if (!stored) {
        const [existing] = await tx
          .select()
          .from(subscriptionEvents)
          .where(eq(subscriptionEvents.providerEventId, providerEventId));
        return { duplicate: true, event: existing! };
      }

      const [subscription] = providerSubscriptionId
        ? await tx
            .select()
            .from(subscriptions)
            .where(eq(subscriptions.providerSubscriptionId, providerSubscriptionId))
            .for('update')
        : [];
      if (!subscription) return { duplicate: false, outcome: 'unmatched', event: stored, subscription: null };

      const stale = subscription.lastEventAt !== null && occurredAt < subscription.lastEventAt;
      const current = stale
        ? subscription
        : (
            await tx
              .update(subscriptions)
              .set({ ...changes, lastEventAt: occurredAt })
              .where(eq(subscriptions.id, subscription.id))
              .returning()
          )[0]!;
      const [processed] = await tx
        .update(subscriptionEvents)
        .set({ subscriptionId: subscription.id, processedAt: sql`now()` })
        .where(eq(subscriptionEvents.id, stored.id))
        .returning();
      return { duplicate: false, outcome: stale ? 'stale' : 'applied', event: processed!, subscription: current };
    }),
  );
}
