import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';

// The other domains' per-request paths are prepared once per executor, their values placeholders mapped by their
// columns. Outside the test transaction (a pool of 1) each statement is reused, so every call below runs the
// statement an earlier call prepared: two placeholders mapped to each other's values, or a value reaching the driver
// unmapped, return another row or count.

let target: IsolatedDatabase;
const run = <T>(fn: () => Promise<T>) => runWithExecutor(target.db, fn);

beforeAll(async () => {
  target = await isolatedDatabase({ poolMax: 1 });
});

afterAll(async () => {
  await target?.close();
});

describe('prepared hot paths of the other domains, statement reused', () => {
  it('SessionQueries.findByToken: each token, in turn and twice, finds its own live session only', async () => {
    await run(async () => {
      const sessions = [await factories.session.create(), await factories.session.create()];
      const expired = await factories.session.create({ expiresAt: new Date(Date.now() - 60_000) });
      for (const s of [...sessions, ...sessions]) expect(await SessionQueries.findByToken(s.token)).toEqual(s);
      expect(await SessionQueries.findByToken(expired.token)).toBeNull();
      expect(await SessionQueries.findByToken(`${sessions[0]!.token}x`)).toBeNull();
    });
  });

  it('TenantMemberQueries.findByUserId: every (tenant, user) pair, in turn, finds exactly its membership', async () => {
    await run(async () => {
      const tenants = [(await factories.tenants.create()).id, (await factories.tenants.create()).id];
      const users = [(await factories.user.create()).id, (await factories.user.create()).id];
      const members = [
        await factories.tenantMembers.create({ tenantId: tenants[0]!, userId: users[0]!, role: 'owner' }),
        await factories.tenantMembers.create({ tenantId: tenants[1]!, userId: users[1]!, role: 'owner' }),
        await factories.tenantMembers.create({ tenantId: tenants[1]!, userId: users[0]!, role: 'member' }),
      ];
      for (let round = 0; round < 2; round++) {
        for (const tenantId of tenants) {
          for (const userId of users) {
            const expected = members.find((m) => m.tenantId === tenantId && m.userId === userId) ?? null;
            const found = await TenantMemberQueries.findByUserId(userId.toUpperCase(), { tenantId });
            expect(found, `${tenants.indexOf(tenantId)}/${users.indexOf(userId)}`).toEqual(expected);
          }
        }
      }
      expect(await TenantMemberQueries.findByUserId(randomUUID(), { tenantId: tenants[0]! })).toBeNull();
    });
  });

  it("NotificationQueries.unreadCount: each user's unread count in each tenant, in turn", async () => {
    await run(async () => {
      const tenants = [(await factories.tenants.create()).id, (await factories.tenants.create()).id];
      const users = [(await factories.user.create()).id, (await factories.user.create()).id];
      // unread[tenant][user]: 3, 1 / 0, 2, plus read notifications that must not count.
      const unread = [
        [3, 1],
        [0, 2],
      ];
      for (const [t, tenantId] of tenants.entries()) {
        for (const [u, userId] of users.entries()) {
          for (let i = 0; i < unread[t]![u]!; i++)
            await factories.notifications.create({ tenantId, userId, readAt: null });
          await factories.notifications.create({ tenantId, userId, readAt: new Date() });
        }
      }
      for (let round = 0; round < 2; round++) {
        for (const [t, tenantId] of tenants.entries()) {
          for (const [u, userId] of users.entries()) {
            expect(await NotificationQueries.unreadCount(userId, { tenantId }), `${t}/${u}`).toBe(unread[t]![u]);
          }
        }
      }
    });
  });

  it('DomainEventQueries.claimBatch: each batch size and lease as asked, claims in turn never overlap', async () => {
    await run(async () => {
      const events = await withTransaction(async (tx) => {
        const rows = [];
        for (let i = 0; i < 6; i++) {
          rows.push(
            await DomainEventQueries.insertDomainEventInTransaction(tx, {
              aggregateType: 'order',
              aggregateId: randomUUID(),
              eventType: 'order.placed',
              payload: { i },
            }),
          );
        }
        return rows;
      });
      const claimed = new Set<string>();
      for (const [limit, leaseSeconds] of [
        [1, 60],
        [3, 7200],
        [2, 600],
      ] as const) {
        const before = Date.now();
        const batch = await DomainEventQueries.claimBatch(limit, { leaseSeconds });
        expect(batch, `limit ${limit}`).toHaveLength(limit);
        for (const event of batch) {
          expect(claimed.has(event.id)).toBe(false);
          claimed.add(event.id);
          expect(event.attempts).toBe(1);
          // The lease ends leaseSeconds after the claim (clocks of one machine; a few seconds of slack).
          const lease = (event.claimedUntil!.getTime() - before) / 1000;
          expect(lease, `lease ${leaseSeconds}`).toBeGreaterThan(leaseSeconds - 5);
          expect(lease, `lease ${leaseSeconds}`).toBeLessThan(leaseSeconds + 5);
        }
      }
      expect([...claimed].sort()).toEqual(events.map((e) => e.id).sort());
      expect(await DomainEventQueries.claimBatch(5)).toEqual([]);
    });
  });
});
