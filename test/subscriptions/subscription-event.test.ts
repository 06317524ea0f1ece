import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { SubscriptionEventSchema, type SubscriptionEvent } from '../../src/dto/subscriptions/subscription-event.js';
import { MissingTenantError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { SubscriptionEventQueries } from '../../src/queries/subscriptions/subscription-event.js';
import { type subscriptionEvents } from '../../src/schema/tables/subscriptions/subscription-event.js';
import { factories } from '../../src/testing/index.js';

let tenantId: string;
beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
});

describe('SubscriptionEventQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<SubscriptionEvent>().toEqualTypeOf<typeof subscriptionEvents.$inferSelect>();
  });

  it('findByProviderEventId returns the stored event, null when absent', async () => {
    const stored = await factories.subscriptionEvents.create({
      subscriptionId: null,
      processedAt: null,
      payload: { nested: { ok: true } },
    });
    const found = await SubscriptionEventQueries.findByProviderEventId(stored.providerEventId);
    expect(found).toEqual(stored);
    expect(SubscriptionEventSchema.parse(found)).toEqual(found);
    expect(await SubscriptionEventQueries.findByProviderEventId('evt_unknown')).toBeNull();
    await expect(SubscriptionEventQueries.findByProviderEventId('')).rejects.toBeInstanceOf(ValidationError);
  });

  it('listForSubscription pages newest first, only for the owning tenant', async () => {
    const subscription = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active' });
    const other = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await factories.subscriptionEvents.create({ processedAt: null, subscriptionId: subscription.id })).id);
    await factories.subscriptionEvents.create({ processedAt: null, subscriptionId: other.id });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await SubscriptionEventQueries.listForSubscription(
        subscription.id,
        { limit: 2, cursor },
        { tenantId },
      );
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const stranger = { tenantId: (await factories.tenants.create()).id };
    await expect(SubscriptionEventQueries.listForSubscription(subscription.id, {}, stranger)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(SubscriptionEventQueries.listForSubscription(randomUUID(), {}, { tenantId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(SubscriptionEventQueries.listForSubscription(subscription.id)).rejects.toBeInstanceOf(
      MissingTenantError,
    );
    await expect(SubscriptionEventQueries.listForSubscription('nope', {}, { tenantId })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('listUnprocessed pages oldest first over unprocessed events only; markProcessed takes one off', async () => {
    const before = (await SubscriptionEventQueries.listUnprocessed({ limit: 200 })).items.map((e) => e.id);
    const fresh: string[] = [];
    for (let i = 0; i < 3; i++)
      fresh.push((await factories.subscriptionEvents.create({ subscriptionId: null, processedAt: null })).id);
    await factories.subscriptionEvents.create({ subscriptionId: null, processedAt: new Date() });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await SubscriptionEventQueries.listUnprocessed({ limit: 2, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...before, ...fresh]);

    const processed = await SubscriptionEventQueries.markProcessed(fresh[0]!);
    expect(processed.processedAt).toBeInstanceOf(Date);
    // idempotent: the first processed_at is kept
    expect((await SubscriptionEventQueries.markProcessed(fresh[0]!)).processedAt).toEqual(processed.processedAt);
    expect((await SubscriptionEventQueries.listUnprocessed({ limit: 200 })).items.map((e) => e.id)).toEqual([
      ...before,
      ...fresh.slice(1),
    ]);
    await expect(SubscriptionEventQueries.markProcessed(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(SubscriptionEventQueries.listUnprocessed({ limit: 0 })).rejects.toBeInstanceOf(ValidationError);
  });
});
