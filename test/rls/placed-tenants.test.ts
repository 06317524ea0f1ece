import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { db } from '../../src/client/db.js';
import { withTransaction } from '../../src/client/executor.js';
import { CheckViolationError, ForbiddenError } from '../../src/errors/classes.js';
import { CrossDatabaseTransactionError } from '../../src/errors/tenant-routing.js';
import { TenantActivityQueries } from '../../src/queries/tenant/tenant-activity.js';
import { UserQueries } from '../../src/queries/auth/user.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { withRls, type RlsClaims } from '../../src/scope/rls.js';
import { withTenant } from '../../src/scope/tenant.js';
import { tenantActivity } from '../../src/schema/tables/tenant/tenant-activity.js';
import { tenantMembers } from '../../src/schema/tables/tenant/tenant-member.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';
import { factories } from '../../src/testing/index.js';
import { useTestTenantDatabases, type TestTenantDatabases } from '../../src/testing/tenant-databases.js';
import { useDatabaseAt } from '../../src/tenancy/router.js';
import { syncTenantMembers } from '../../src/tenancy/members.js';
import { readRows } from '../support/placements.js';

// Row-level security in a tenant's own database (test/foundation/rls.test.ts is the shared-database original). RLS
// there reads the database's copy of its tenants' memberships (src/tenancy/members.ts): anchored when the tenant is
// placed, kept in step by TenantMemberQueries. Tenants A and B share one dedicated database, C has another (on the
// server when the run has one); a withRls call for a placed tenant runs inside withTenant, on that database.
// On tenant_activity: tenant data of the tenant domain, which `pnpm db:remove` cannot take.

const ENTRIES_PER_TENANT = 3;

let databases: TestTenantDatabases;
let hostOfAB: string;
let hostOfC: string;

let alice: string; // member of A and B
let bob: string; // member of B only
let tenantA: string;
let tenantB: string;
let tenantC: string; // nobody of ours

beforeAll(async () => {
  databases = useTestTenantDatabases(inject('testDatabase'));
  hostOfAB = await databases.createDatabase('pglite');
  hostOfC = await databases.createDatabase(databases.hasServer ? 'server' : 'pglite');
});
afterAll(async () => {
  await databases.close();
});

beforeEach(async () => {
  alice = (await factories.user.create()).id;
  bob = (await factories.user.create()).id;
  [tenantA, tenantB, tenantC] = [
    (await factories.tenants.create()).id,
    (await factories.tenants.create()).id,
    (await factories.tenants.create()).id,
  ];
  await factories.tenantMembers.create({ tenantId: tenantA, userId: alice, role: 'owner' });
  await factories.tenantMembers.create({ tenantId: tenantB, userId: bob, role: 'owner' });
  await databases.place(tenantA, hostOfAB);
  await databases.place(tenantB, hostOfAB);
  await databases.place(tenantC, hostOfC);
  // After placement: the copy follows TenantMemberQueries.
  await TenantMemberQueries.add(alice, 'member', { tenantId: tenantB });
  for (const tenantId of [tenantA, tenantB, tenantC]) {
    for (let i = 0; i < ENTRIES_PER_TENANT; i++) {
      expect(await TenantActivityQueries.log({ tenantId, actorUserId: alice, action: `seed.${i}` })).not.toBeNull();
    }
  }
});

/** `fn` with RLS as `claims`, in a transaction on the database of `tenantId`. */
const asCaller = <T>(tenantId: string, claims: RlsClaims | null, fn: () => Promise<T>) =>
  withTenant(tenantId, () => withRls(claims, fn));

/** The feed of `tenantId` as the owner sees it (routed, no RLS): what no RLS caller may change. */
const feedOf = async (tenantId: string) => (await TenantActivityQueries.list({}, { tenantId })).items;

class Rollback extends Error {}

/**
 * `fn` as `claims` in a transaction on the tenant's database that rolls back, with update and delete on
 * tenant_activity granted to authenticated (an append-only feed grants neither), so the policy alone decides.
 */
async function withWritesGranted<T>(tenantId: string, claims: RlsClaims, fn: () => Promise<T>): Promise<T> {
  let result: T | undefined;
  await withTenant(tenantId, () =>
    withTransaction(async (tx) => {
      await tx.execute(sql`grant update, delete on tenant_activity to authenticated`);
      result = await withRls(claims, fn);
      throw new Rollback();
    }),
  ).catch((error: unknown) => {
    if (!(error instanceof Rollback)) throw error;
  });
  return result as T;
}

const tenantIdsOf = (rows: { tenantId: string }[]) => [...new Set(rows.map((row) => row.tenantId))].sort();

async function rejection(fn: () => Promise<unknown>): Promise<unknown> {
  return fn().then(
    () => {
      throw new Error('expected the call to be rejected');
    },
    (error: unknown) => error,
  );
}

/** The copy of the tenant's memberships in the database at `url`, read as the owner (no RLS). */
function copyAt(url: string, tenantId: string): Promise<{ user_id: string; role: string }[]> {
  return useDatabaseAt(url, (handle) =>
    readRows(handle.db, sql`select user_id, role::text from tenant_members where tenant_id = ${tenantId} order by 1`),
  );
}

describe('row-level security in a dedicated database', () => {
  it(`an unfiltered select of tenant_activity returns only the tenant of claim tenant_id (${ENTRIES_PER_TENANT} of ${2 * ENTRIES_PER_TENANT} rows there)`, async () => {
    const rows = await asCaller(tenantB, { sub: bob, tenant_id: tenantB }, () => db.select().from(tenantActivity));
    expect(rows).toHaveLength(ENTRIES_PER_TENANT);
    expect(tenantIdsOf(rows)).toEqual([tenantB]);
  });

  it('without claim tenant_id the caller sees every tenant of theirs the database hosts (A and B), and no more', async () => {
    const rows = await asCaller(tenantA, { sub: alice }, () => db.select().from(tenantActivity));
    expect(rows).toHaveLength(2 * ENTRIES_PER_TENANT);
    expect(tenantIdsOf(rows)).toEqual([tenantA, tenantB].sort());
    expect(await asCaller(tenantB, { sub: bob }, () => db.select().from(tenantActivity))).toHaveLength(
      ENTRIES_PER_TENANT,
    );
  });

  it('a tenant_id claim without a membership grants nothing (bob: 0 rows of A, 0 of C)', async () => {
    expect(await asCaller(tenantA, { sub: bob, tenant_id: tenantA }, () => db.select().from(tenantActivity))).toEqual(
      [],
    );
    expect(await asCaller(tenantC, { sub: bob, tenant_id: tenantC }, () => db.select().from(tenantActivity))).toEqual(
      [],
    );
    expect(await asCaller(tenantC, { sub: alice }, () => db.select().from(tenantActivity))).toEqual([]);
  });

  it('tenants and tenant_members there are walled by membership too', async () => {
    const seen = await asCaller(tenantB, { sub: bob }, async () => ({
      tenants: await db.select({ id: tenants.id }).from(tenants),
      members: await db.select().from(tenantMembers),
    }));
    expect(seen.tenants.map((t) => t.id)).toEqual([tenantB]);
    expect(seen.members.map((m) => m.userId).sort()).toEqual([alice, bob].sort());
  });

  it('anon is refused the tenant tables there (3 tables tried, 3 ForbiddenError)', async () => {
    for (const table of [tenantActivity, tenants, tenantMembers]) {
      const error = await rejection(() => asCaller(tenantA, null, () => db.select().from(table)));
      expect(error).toBeInstanceOf(ForbiddenError);
    }
  });

  it('a raw insert into another tenant of the same database is rejected by WITH CHECK (ForbiddenError)', async () => {
    const error = await rejection(() =>
      asCaller(tenantB, { sub: bob, tenant_id: tenantB }, () =>
        db.insert(tenantActivity).values({ tenantId: tenantA, actorUserId: bob, action: 'sneaky' }),
      ),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await feedOf(tenantA)).toHaveLength(ENTRIES_PER_TENANT);
  });

  it('a query object asked for another tenant: refused by RLS in the same database, by routing in another', async () => {
    const reported: string[] = [];
    const dropped = vi.spyOn(console, 'error').mockImplementation((message: unknown) => {
      reported.push(String(message));
    });
    try {
      await asCaller(tenantB, { sub: bob }, async () => {
        expect(await TenantActivityQueries.log({ tenantId: tenantA, actorUserId: bob, action: 'x' })).toBeNull();
        expect((await TenantActivityQueries.list({}, { tenantId: tenantA })).items).toEqual([]);
        await expect(TenantActivityQueries.list({}, { tenantId: tenantC })).rejects.toBeInstanceOf(
          CrossDatabaseTransactionError,
        );
        const own = await TenantActivityQueries.log({ tenantId: tenantB, actorUserId: bob, action: 'mine' });
        expect(own?.tenantId).toBe(tenantB);
      });
    } finally {
      dropped.mockRestore();
    }
    expect(reported).toEqual([expect.stringContaining('Forbidden')]);
    expect(await feedOf(tenantA)).toHaveLength(ENTRIES_PER_TENANT);
  });

  it("an update or delete aimed at another tenant's rows there touches 0 rows (its own: all of them)", async () => {
    const changed = await withWritesGranted(tenantB, { sub: bob }, async () => ({
      updated: await db
        .update(tenantActivity)
        .set({ action: 'hijacked' })
        .where(eq(tenantActivity.tenantId, tenantA))
        .returning(),
      deleted: await db.delete(tenantActivity).where(eq(tenantActivity.tenantId, tenantA)).returning(),
      own: await db
        .update(tenantActivity)
        .set({ action: 'kept' })
        .where(eq(tenantActivity.tenantId, tenantB))
        .returning(),
    }));
    expect(changed).toMatchObject({ updated: [], deleted: [], own: { length: ENTRIES_PER_TENANT } });
    expect((await feedOf(tenantA)).map((e) => e.action)).not.toContain('hijacked');
    expect(await feedOf(tenantA)).toHaveLength(ENTRIES_PER_TENANT);
  });
});

describe('the copy of the memberships follows TenantMemberQueries', () => {
  it('add grants, changeRole is copied, remove revokes: each visible to RLS in the dedicated database', async () => {
    const carol = (await factories.user.create()).id;
    const seenByCarol = () => asCaller(tenantB, { sub: carol }, () => db.select().from(tenantActivity));
    expect(await seenByCarol()).toEqual([]);

    await TenantMemberQueries.add(carol, 'member', { tenantId: tenantB });
    expect(await seenByCarol()).toHaveLength(ENTRIES_PER_TENANT);
    await TenantMemberQueries.changeRole(carol, 'admin', { tenantId: tenantB });
    expect(await copyAt(hostOfAB, tenantB)).toContainEqual({ user_id: carol, role: 'admin' });

    await TenantMemberQueries.remove(carol, { tenantId: tenantB });
    expect(await seenByCarol()).toEqual([]);
    expect((await copyAt(hostOfAB, tenantB)).map((m) => m.user_id).sort()).toEqual([alice, bob].sort());
  });

  it('a removal control refuses (the last owner) leaves the copy as control has it', async () => {
    const error = await rejection(() => TenantMemberQueries.remove(bob, { tenantId: tenantB }));
    expect(error).toBeInstanceOf(CheckViolationError);
    expect(await copyAt(hostOfAB, tenantB)).toContainEqual({ user_id: bob, role: 'owner' });
    expect(await asCaller(tenantB, { sub: bob }, () => db.select().from(tenantActivity))).toHaveLength(
      ENTRIES_PER_TENANT,
    );
  });

  it('an accepted invite grants in the copy too', async () => {
    const erin = (await factories.user.create()).id;
    const { token } = await TenantInviteQueries.create(
      { email: 'erin@example.com', role: 'member' },
      { tenantId: tenantB },
    );
    await TenantInviteQueries.accept(token, erin);
    expect(await copyAt(hostOfAB, tenantB)).toContainEqual({ user_id: erin, role: 'member' });
    expect(await asCaller(tenantB, { sub: erin }, () => db.select().from(tenantActivity))).toHaveLength(
      ENTRIES_PER_TENANT,
    );
  });

  it("inside a transaction on the control database a placed tenant's membership change is refused, and nothing changes", async () => {
    const frank = (await factories.user.create()).id;
    const inTransaction = [
      () => TenantMemberQueries.add(frank, 'member', { tenantId: tenantB }),
      () => TenantMemberQueries.changeRole(alice, 'admin', { tenantId: tenantB }),
      () => TenantMemberQueries.remove(alice, { tenantId: tenantB }),
    ];
    for (const change of inTransaction) {
      await expect(withTransaction(change)).rejects.toBeInstanceOf(CrossDatabaseTransactionError);
    }
    expect(
      (await TenantMemberQueries.list({}, { tenantId: tenantB })).items.map((m) => [m.userId, m.role]).sort(),
    ).toEqual(
      [
        [alice, 'member'],
        [bob, 'owner'],
      ].sort(),
    );
    expect(await copyAt(hostOfAB, tenantB)).toEqual(
      [
        { user_id: alice, role: 'member' },
        { user_id: bob, role: 'owner' },
      ].sort((x, y) => x.user_id.localeCompare(y.user_id)),
    );
  });

  it('deleting a user deletes the copies of their memberships first; a refused deletion leaves them', async () => {
    const carol = (await factories.user.create()).id;
    await TenantMemberQueries.add(carol, 'member', { tenantId: tenantB });
    await TenantMemberQueries.add(carol, 'member', { tenantId: tenantC });
    await UserQueries.delete(carol);
    expect((await copyAt(hostOfAB, tenantB)).map((m) => m.user_id)).not.toContain(carol);
    expect(await copyAt(hostOfC, tenantC)).toEqual([]);

    // alice is A's last owner: control refuses, and her copies are as they were.
    await expect(UserQueries.delete(alice)).rejects.toBeInstanceOf(CheckViolationError);
    expect(await copyAt(hostOfAB, tenantA)).toEqual([{ user_id: alice, role: 'owner' }]);
    expect(await copyAt(hostOfAB, tenantB)).toContainEqual({ user_id: alice, role: 'member' });
  });

  it('a dedicated database keeps no foreign key from tenant_members.user_id, and no enabled trigger on it', async () => {
    const catalog = await useDatabaseAt(hostOfAB, async (handle) => ({
      userKeys: await readRows(
        handle.db,
        sql`select conname from pg_constraint where conrelid = 'public.tenant_members'::regclass and contype = 'f'
              and confrelid = 'public."user"'::regclass`,
      ),
      enabledTriggers: await readRows(
        handle.db,
        sql`select tgname from pg_trigger where tgrelid = 'public.tenant_members'::regclass and not tgisinternal
              and tgenabled <> 'D'`,
      ),
    }));
    expect(catalog).toEqual({ userKeys: [], enabledTriggers: [] });
  });

  it('membership changes of a shared tenant touch no dedicated database', async () => {
    const shared = (await factories.tenants.create()).id;
    await TenantMemberQueries.add(alice, 'owner', { tenantId: shared });
    await TenantMemberQueries.add(bob, 'member', { tenantId: shared });
    await TenantMemberQueries.remove(bob, { tenantId: shared });
    expect(await copyAt(hostOfAB, shared)).toEqual([]);
    expect(await copyAt(hostOfC, shared)).toEqual([]);
  });

  it('syncTenantMembers rebuilds a copy a change outside the query objects left behind', async () => {
    const dave = (await factories.user.create()).id;
    await factories.tenantMembers.create({ tenantId: tenantC, userId: dave, role: 'owner' });
    expect(await copyAt(hostOfC, tenantC)).toEqual([]);
    await syncTenantMembers(tenantC);
    expect(await copyAt(hostOfC, tenantC)).toEqual([{ user_id: dave, role: 'owner' }]);
    // A rebuild replaces a copy that has its owner (the copy's last-owner trigger would refuse: it is disabled there).
    const before = await copyAt(hostOfAB, tenantB);
    await syncTenantMembers(tenantB);
    expect(await copyAt(hostOfAB, tenantB)).toEqual(before);
    expect(await asCaller(tenantC, { sub: dave }, () => db.select().from(tenantActivity))).toHaveLength(
      ENTRIES_PER_TENANT,
    );
  });
});
