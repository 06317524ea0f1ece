import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseHandle } from '../../src/client/types.js';
import type { NotificationDelivery } from '../../src/dto/notifications/notification-delivery.js';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { NotificationDeliveryQueries } from '../../src/queries/notifications/notification-delivery.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';

// Work that must commit, on a database of its own: real concurrent workers (a server) or serialized ones (PGlite).

let handle: DatabaseHandle;
const onServer = inject('testDatabase').kind === 'postgres';

beforeAll(async () => {
  handle = await isolatedDatabase();
});

afterAll(async () => {
  await handle?.close();
});

const onIsolated = <T>(fn: () => Promise<T>) => runWithExecutor(handle.db, fn);

/** Commits `count` notifications to one user with one verified target each time; returns the delivery ids. */
async function seed(count: number): Promise<string[]> {
  const tenantId = (await factories.tenants.create()).id;
  const userId = (await factories.user.create()).id;
  await factories.notificationTargets.create({ channel: 'email', verifiedAt: new Date(), userId });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { deliveries } = await NotificationQueries.create(
      { userId, type: 'test.event', title: `N ${i}` },
      { tenantId },
    );
    ids.push(...deliveries.map((d) => d.id));
  }
  return ids;
}

async function drain(batch: number): Promise<NotificationDelivery[]> {
  const claimed: NotificationDelivery[] = [];
  for (;;) {
    const rows = await NotificationDeliveryQueries.claimPending(batch);
    if (rows.length === 0) return claimed;
    claimed.push(...rows);
  }
}

describe('claimPending under concurrency', () => {
  it('two concurrent workers never claim the same delivery, and together claim all', () =>
    onIsolated(async () => {
      const seeded = await seed(30);
      const [a, b] = await Promise.all([drain(4), drain(4)]);
      const ids = [...a!, ...b!].map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual([...seeded].sort());
      expect([...a!, ...b!].every((d) => d.status === 'sending' && d.attempts === 1)).toBe(true);
    }));

  it.runIf(onServer)('a worker skips rows another worker holds instead of waiting for them', () =>
    onIsolated(async () => {
      const seeded = await seed(6);
      let release!: () => void;
      const hold = new Promise<void>((resolve) => {
        release = resolve;
      });
      let first: NotificationDelivery[] = [];
      let claimedFirst!: () => void;
      const firstClaimed = new Promise<void>((resolve) => {
        claimedFirst = resolve;
      });
      // Worker A claims 2 and keeps its transaction (and the row locks) open.
      const workerA = withTransaction(async () => {
        first = await NotificationDeliveryQueries.claimPending(2);
        claimedFirst();
        await hold;
      });
      await firstClaimed;
      // Worker B, on another connection: without SKIP LOCKED this would block until A commits (and time out).
      const second = await NotificationDeliveryQueries.claimPending(100);
      release();
      await workerA;
      expect(first).toHaveLength(2);
      expect(second).toHaveLength(4);
      expect([...first, ...second].map((d) => d.id).sort()).toEqual([...seeded].sort());
    }),
  );

  it('create commits the notification and its deliveries together, or neither', () =>
    onIsolated(async () => {
      const tenantId = (await factories.tenants.create()).id;
      const userId = (await factories.user.create()).id;
      await factories.notificationTargets.create({ channel: 'email', verifiedAt: new Date(), userId });
      await handle.db.execute(sql`create function notifications_test_reject() returns trigger language plpgsql as $$
        begin raise exception 'rejected by test' using errcode = 'P0001'; end; $$`);
      await handle.db.execute(sql`create trigger notifications_test_reject before insert on notification_deliveries
        for each row execute function notifications_test_reject()`);
      try {
        await expect(
          NotificationQueries.create({ userId, type: 'test.event', title: 'Hi' }, { tenantId }),
        ).rejects.toThrow('rejected by test');
        expect(await NotificationQueries.unreadCount(userId, { tenantId })).toBe(0);
      } finally {
        await handle.db.execute(sql`drop trigger notifications_test_reject on notification_deliveries`);
        await handle.db.execute(sql`drop function notifications_test_reject()`);
      }
      await expect(
        NotificationQueries.create({ userId, type: 'test.event', title: 'Hi' }, { tenantId }),
      ).resolves.toMatchObject({
        deliveries: [{ status: 'pending' }],
      });
    }));
});
