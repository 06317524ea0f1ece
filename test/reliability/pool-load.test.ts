import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import type { TenantInvite } from '../../src/dto/tenant/tenant-invite.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { tenantInvites } from '../../src/schema/tables/tenant/tenant-invite.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import { percentile, timed } from './support/latency.js';
import { serverSource } from './support/server.js';

const CALLS = 1000;
const POOL = 5;
const SEEDED = 50;

describe(`${CALLS} concurrent query-object calls on a pool of ${POOL}`, () => {
  it(`all ${CALLS} succeed: ${CALLS / 2} TenantInviteQueries.create and ${CALLS / 2} TenantInviteQueries.findById, mixed`, async () => {
    serverSource();
    const handle = await isolatedDatabase({ poolMax: POOL });
    try {
      await runWithExecutor(handle.db, async () => {
        const tenantId = (await factories.tenants.create()).id;
        const userId = (await factories.user.create()).id;
        const scope = { tenantId };
        const invite = (email: string) =>
          TenantInviteQueries.create({ email, role: 'member', invitedByUserId: userId }, scope);
        const seeded: TenantInvite[] = [];
        for (let i = 0; i < SEEDED; i++) seeded.push((await invite(`seed${i}@example.com`)).invite);

        const samples: number[] = [];
        const started = performance.now();
        const results = await Promise.allSettled(
          Array.from({ length: CALLS }, (_, i) =>
            timed<unknown>(samples, () =>
              i % 2 === 0
                ? invite(`load${i}@example.com`)
                : TenantInviteQueries.findById(seeded[i % SEEDED]!.id, scope),
            ),
          ),
        );
        const wallMs = performance.now() - started;
        console.log(
          `${CALLS} calls at once on a pool of ${POOL} (latency includes the wait for a connection): p50 ${percentile(samples, 50).toFixed(1)} ms, ` +
            `p99 ${percentile(samples, 99).toFixed(1)} ms, max ${percentile(samples, 100).toFixed(1)} ms, ` +
            `wall ${wallMs.toFixed(0)} ms`,
        );

        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
        const values = results.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
        values.forEach((value, i) => {
          if (i % 2 === 0) expect(value).toMatchObject({ invite: { email: `load${i}@example.com`, tenantId } });
          else expect(value).toMatchObject({ id: seeded[i % SEEDED]!.id, tenantId });
        });
        const [stored] = await db
          .select({ n: count() })
          .from(tenantInvites)
          .where(eq(tenantInvites.tenantId, tenantId));
        expect(stored!.n).toBe(SEEDED + CALLS / 2);
      });
    } finally {
      await handle.close();
    }
  });
});
