import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/dto/system/domain-event.js';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { isolatedDatabase } from '../../src/testing/index.js';
import { serverSource } from './support/server.js';

const WRITERS = 50;
const EVENTS = 200;
const WORKERS = 5;
const BATCH = 7;

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the transactional outbox under concurrency (real commits, pool of 10)', () => {
  it(`${WRITERS} concurrent writers of one aggregate get sequence numbers exactly 1…${WRITERS}`, async () => {
    serverSource();
    const handle = await isolatedDatabase({ poolMax: 10 });
    try {
      const aggregateId = randomUUID();
      const written = await runWithExecutor(handle.db, () =>
        Promise.all(
          range(WRITERS).map((i) =>
            withTransaction((tx) =>
              DomainEventQueries.insertDomainEventInTransaction(tx, {
                aggregateType: 'order',
                aggregateId,
                eventType: 'order.touched',
                payload: { writer: i },
              }),
            ),
          ),
        ),
      );
      const numbers = written.map((event) => event.sequenceNumber).sort((a, b) => a - b);
      expect(numbers).toEqual(range(WRITERS));
      expect(new Set(written.map((event) => event.payload.writer)).size).toBe(WRITERS);
    } finally {
      await handle.close();
    }
  });

  it(`${WORKERS} concurrent claimBatch workers over ${EVENTS} pending events: each claimed once, all ${EVENTS} claimed`, async () => {
    serverSource();
    const handle = await isolatedDatabase({ poolMax: 10 });
    try {
      await runWithExecutor(handle.db, async () => {
        const inserted = await withTransaction((tx) =>
          Promise.all(
            range(EVENTS).map((i) =>
              DomainEventQueries.insertDomainEventInTransaction(tx, {
                aggregateType: 'order',
                aggregateId: `order-${i % 20}`,
                eventType: 'order.placed',
              }),
            ),
          ),
        );
        const claimedBy = await Promise.all(
          range(WORKERS).map(async () => {
            const mine: DomainEvent[] = [];
            for (;;) {
              const batch = await DomainEventQueries.claimBatch(BATCH);
              if (batch.length === 0) return mine;
              mine.push(...batch);
            }
          }),
        );
        const ids = claimedBy.flat().map((event) => event.id);
        console.log(`claims per worker: ${claimedBy.map((events) => events.length).join(', ')}`);
        expect(ids.length).toBe(EVENTS);
        expect(new Set(ids).size).toBe(EVENTS);
        expect(new Set(ids)).toEqual(new Set(inserted.map((event) => event.id)));
        expect(claimedBy.flat().every((event) => event.attempts === 1)).toBe(true);
      });
    } finally {
      await handle.close();
    }
  });
});
