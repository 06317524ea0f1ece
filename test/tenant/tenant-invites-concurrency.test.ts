import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { InviteNotAcceptableError } from '../../src/queries/tenant/errors.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { tenantMembers } from '../../src/schema/tables/tenant/tenant-member.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import { deferred, untilBlockedOrDone } from '../support/tenant-concurrency.js';
import { createTenantWithOwner } from '../support/tenant-with-owner.js';

// Real commits on a database of this test's own: the claim is about two transactions, not savepoints.

describe('TenantInviteQueries.accept under concurrency', () => {
  it('two concurrent accepts of one invite: one succeeds, one InviteNotAcceptableError, one membership', async () => {
    const handle = await isolatedDatabase();
    try {
      await runWithExecutor(handle.db, async () => {
        const { tenant } = await createTenantWithOwner();
        const [alice, bob] = [await factories.user.create(), await factories.user.create()];
        const { invite, token } = await TenantInviteQueries.create(
          { email: 'shared@example.com', role: 'admin', invitedByUserId: null },
          { tenantId: tenant.id },
        );

        // Alice's accept holds the invite row until Bob's accept is waiting on it (PostgreSQL) or has run (PGlite).
        const aliceAccepted = deferred();
        const release = deferred();
        const alicesTx = withTransaction(async () => {
          const result = await TenantInviteQueries.accept(token, alice.id);
          aliceAccepted.resolve();
          await release.promise;
          return result;
        });
        const bobs = aliceAccepted.promise.then(() => TenantInviteQueries.accept(token, bob.id));
        await aliceAccepted.promise;
        await untilBlockedOrDone(handle, bobs);
        release.resolve();

        const [alicesResult, bobsResult] = await Promise.allSettled([alicesTx, bobs]);
        expect(alicesResult.status).toBe('fulfilled');
        expect(bobsResult.status).toBe('rejected');
        expect((bobsResult as PromiseRejectedResult).reason).toBeInstanceOf(InviteNotAcceptableError);

        const members = await db.select().from(tenantMembers).where(eq(tenantMembers.tenantId, tenant.id));
        expect(members.filter((m) => m.role === 'admin').map((m) => m.userId)).toEqual([alice.id]);
        expect(members).toHaveLength(2); // the owner and Alice
        expect((await TenantInviteQueries.getById(invite.id, { tenantId: tenant.id })).status).toBe('accepted');
      });
    } finally {
      await handle.close();
    }
  });

  it('racing accepts without coordination still admit exactly one user', async () => {
    const handle = await isolatedDatabase({ poolMax: 4 });
    try {
      await runWithExecutor(handle.db, async () => {
        const { tenant } = await createTenantWithOwner();
        const users = [
          await factories.user.create(),
          await factories.user.create(),
          await factories.user.create(),
          await factories.user.create(),
        ];
        const { token } = await TenantInviteQueries.create(
          { email: 'race@example.com', role: 'member', invitedByUserId: null },
          { tenantId: tenant.id },
        );
        const results = await Promise.allSettled(users.map((user) => TenantInviteQueries.accept(token, user.id)));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((r) => r.status === 'rejected')) {
          expect((r as PromiseRejectedResult).reason).toBeInstanceOf(InviteNotAcceptableError);
        }
        const joined = await db.select().from(tenantMembers).where(eq(tenantMembers.tenantId, tenant.id));
        expect(joined.filter((m) => m.role === 'member')).toHaveLength(1);
      });
    } finally {
      await handle.close();
    }
  });
});
