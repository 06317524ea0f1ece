import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { domainEvents } from '../../src/schema/tables/system/domain-event.js';
import { isolatedDatabase } from '../../src/testing/index.js';

// Real commits on a database of its own. On PGlite the transactions are serialized (one connection); on a server
// they overlap, and the counter row's lock is what keeps the numbers unique and gap-free.

async function concurrentWriters(count: number): Promise<number[]> {
  const handle = await isolatedDatabase({ poolMax: Math.min(count, 10) });
  try {
    const aggregateId = randomUUID();
    const numbers = await runWithExecutor(handle.db, () =>
      Promise.all(
        Array.from({ length: count }, () =>
          withTransaction(async (tx) => {
            const [row] = await tx
              .insert(domainEvents)
              .values({ aggregateType: 'order', aggregateId, eventType: 'order.touched' })
              .returning({ sequenceNumber: domainEvents.sequenceNumber });
            // hold the counter lock a moment, so the other writers queue behind it
            await tx.execute(sql`select pg_sleep(0.01)`);
            return row!.sequenceNumber;
          }),
        ),
      ),
    );
    return numbers.sort((x, y) => x - y);
  } finally {
    await handle.close();
  }
}

describe('domain_events sequence under concurrent writers', () => {
  it('two concurrent writers of one aggregate get 1 and 2', async () => {
    expect(await concurrentWriters(2)).toEqual([1, 2]);
  });

  it.runIf(inject('testDatabase').kind === 'postgres')('20 concurrent writers get 1..20 with no gap', async () => {
    expect(await concurrentWriters(20)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
