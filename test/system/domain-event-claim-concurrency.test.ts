import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { isolatedDatabase } from '../../src/testing/index.js';

// Real commits on a database of its own: on a server the five publishers run on five connections at once and
// SKIP LOCKED plus the lease is what keeps them apart; on PGlite their statements are serialized.

const EVENTS = 60;
const WORKERS = 5;

describe('claimBatch under concurrent publishers', () => {
  it('5 concurrent workers never claim the same event, and together claim every event once', async () => {
    const handle = await isolatedDatabase({ poolMax: WORKERS + 1 });
    try {
      await runWithExecutor(handle.db, async () => {
        await withTransaction(async (tx) => {
          for (let i = 0; i < EVENTS; i++) {
            await DomainEventQueries.insertDomainEventInTransaction(tx, {
              aggregateType: 'order',
              aggregateId: randomUUID(),
              eventType: 'order.placed',
            });
          }
        });

        const worker = async () => {
          const claimed: string[] = [];
          for (;;) {
            const batch = await DomainEventQueries.claimBatch(4);
            if (batch.length === 0) return claimed;
            claimed.push(...batch.map((e) => e.id));
            expect(batch.every((e) => e.attempts === 1)).toBe(true);
            await DomainEventQueries.markPublished(batch.map((e) => e.id));
          }
        };
        const perWorker = await Promise.all(Array.from({ length: WORKERS }, worker));
        const all = perWorker.flat();
        expect(all).toHaveLength(EVENTS);
        expect(new Set(all).size).toBe(EVENTS);
        expect((await DomainEventQueries.list({ filter: { status: 'pending' } })).items).toEqual([]);
        expect((await DomainEventQueries.list({ filter: { status: 'published' }, limit: 200 })).items).toHaveLength(
          EVENTS,
        );
      });
    } finally {
      await handle.close();
    }
  });
});
