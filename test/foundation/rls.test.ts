import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { ForbiddenError, ValidationError } from '../../src/errors/classes.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { withRls } from '../../src/scope/rls.js';
import { tenantActivity } from '../../src/schema/tables/tenant/tenant-activity.js';
import { tenantInvites } from '../../src/schema/tables/tenant/tenant-invite.js';
import { tenantMembers } from '../../src/schema/tables/tenant/tenant-member.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';
import { factories } from '../../src/testing/index.js';

// Row-level security as the second tenant wall (policies in src/schema/_rls.ts, roles in drizzle/0000_supabase_roles.sql, grants at the end of 0002_database_rules.sql).
// Runs on PGlite and on the server: PGlite is a single-user Postgres but keeps roles, SET ROLE and RLS.
// On tenant_invites, a tenant table of a domain `pnpm db:remove` cannot take (tenant), so the walls stay tested after
// any removal. The tenant-or-own policy (rows with tenant_id null) is tested with its tables, in test/notifications/.

const INVITES_PER_TENANT = 3;

let alice: string; // member of A and B
let bob: string; // member of B only
let tenantA: string;
let tenantB: string;
let tenantC: string; // nobody of ours

beforeEach(async () => {
  // tenant_invites' own grants keep writes server-side (docs/security.md, test/security/data-api-access.test.ts);
  // its policy is tenantRowsPolicy, as on every tenant table. Granted as `pnpm db:new` grants a tenant table, for
  // this test's transaction only (it rolls back), so the policy alone decides what authenticated sees and writes.
  await db.execute(sql`grant select, insert, update, delete on tenant_invites to authenticated`);
  alice = (await factories.user.create()).id;
  bob = (await factories.user.create()).id;
  [tenantA, tenantB, tenantC] = [
    (await factories.tenants.create()).id,
    (await factories.tenants.create()).id,
    (await factories.tenants.create()).id,
  ];
  await factories.tenantMembers.create({ tenantId: tenantA, userId: alice, role: 'owner' });
  await factories.tenantMembers.create({ tenantId: tenantB, userId: alice, role: 'member' });
  await factories.tenantMembers.create({ tenantId: tenantB, userId: bob, role: 'owner' });
  for (const tenantId of [tenantA, tenantB, tenantC]) {
    for (let i = 0; i < INVITES_PER_TENANT; i++)
      await TenantInviteQueries.create(
        { email: `t${i}@example.com`, role: 'member', invitedByUserId: alice },
        { tenantId },
      );
  }
});

/** A row for a raw insert, past the query object: only RLS stands between it and another tenant. */
const rawInvite = (tenantId: string, email: string) => ({
  tenantId,
  email,
  tokenHash: randomUUID(),
  expiresAt: sql`now() + interval '1 day'`,
});

const tenantIdsOf = (rows: { tenantId: string }[]) => [...new Set(rows.map((row) => row.tenantId))].sort();

async function rlsError(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to be rejected');
}

describe('row-level security (withRls)', () => {
  it(`an unfiltered select of tenant_invites returns only the tenant of claim tenant_id (${INVITES_PER_TENANT} of ${3 * INVITES_PER_TENANT} rows)`, async () => {
    const rows = await withRls({ sub: bob, tenant_id: tenantB }, () => db.select().from(tenantInvites));
    expect(rows).toHaveLength(INVITES_PER_TENANT);
    expect(tenantIdsOf(rows)).toEqual([tenantB]);
  });

  it('without claim tenant_id the caller sees every tenant they are a member of (2 of 3), and no more', async () => {
    const rows = await withRls({ sub: alice }, () => db.select().from(tenantInvites));
    expect(rows).toHaveLength(2 * INVITES_PER_TENANT);
    expect(tenantIdsOf(rows)).toEqual([tenantA, tenantB].sort());
  });

  it('a tenant_id claim without a membership grants nothing (0 rows of tenant C)', async () => {
    const rows = await withRls({ sub: bob, tenant_id: tenantC }, () => db.select().from(tenantInvites));
    expect(rows).toEqual([]);
  });

  it('tenants and tenant_members are walled by membership too (the helper function does not recurse)', async () => {
    const seen = await withRls({ sub: bob }, async () => ({
      tenants: await db.select({ id: tenants.id }).from(tenants),
      members: await db.select().from(tenantMembers),
    }));
    expect(seen.tenants.map((t) => t.id)).toEqual([tenantB]);
    expect(tenantIdsOf(seen.members)).toEqual([tenantB]);
    expect(seen.members.map((m) => m.userId).sort()).toEqual([alice, bob].sort());
  });

  it('anon is refused every tenant table (4 tables tried, 4 ForbiddenError)', async () => {
    const reads: (() => Promise<unknown>)[] = [
      () => db.select().from(tenantInvites),
      () => db.select().from(tenants),
      () => db.select().from(tenantMembers),
      () => db.select().from(tenantActivity),
    ];
    for (const read of reads) {
      const error = await rlsError(() => withRls(null, read));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).code).toBe('forbidden');
    }
  });

  it('a raw insert into another tenant is rejected by WITH CHECK (SQLSTATE 42501 → ForbiddenError)', async () => {
    const error = await rlsError(() =>
      withRls({ sub: bob, tenant_id: tenantB }, () =>
        db.insert(tenantInvites).values(rawInvite(tenantA, 'sneaky@example.com')),
      ),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).cause).toMatchObject({ code: '42501' });
    expect(await TenantInviteQueries.listPending({}, { tenantId: tenantA })).toMatchObject({
      items: { length: INVITES_PER_TENANT },
    });
  });

  it('a query object asked for another tenant is rejected on write and sees nothing on read', async () => {
    await withRls({ sub: bob }, async () => {
      await expect(
        TenantInviteQueries.create(
          { email: 'x@example.com', role: 'member', invitedByUserId: bob },
          { tenantId: tenantA },
        ),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect((await TenantInviteQueries.listPending({}, { tenantId: tenantA })).items).toEqual([]);
      const own = await TenantInviteQueries.create(
        { email: 'mine@example.com', role: 'member', invitedByUserId: bob },
        { tenantId: tenantB },
      );
      expect(own.invite.tenantId).toBe(tenantB);
    });
  });

  it("an update or delete aimed at another tenant's rows touches 0 rows", async () => {
    const changed = await withRls({ sub: bob }, async () => ({
      updated: await db
        .update(tenantInvites)
        .set({ email: 'hijacked@example.com' })
        .where(eq(tenantInvites.tenantId, tenantA))
        .returning(),
      deleted: await db.delete(tenantInvites).where(eq(tenantInvites.tenantId, tenantC)).returning(),
    }));
    expect(changed).toEqual({ updated: [], deleted: [] });
    const emails = (await TenantInviteQueries.listPending({}, { tenantId: tenantA })).items.map((i) => i.email);
    expect(emails).not.toContain('hijacked@example.com');
    expect(emails).toHaveLength(INVITES_PER_TENANT);
    expect((await TenantInviteQueries.listPending({}, { tenantId: tenantC })).items).toHaveLength(INVITES_PER_TENANT);
  });

  it('restores the outer role and claims after a nested call, and after a failed one', async () => {
    const who = async () =>
      (await db.execute<{ who: string }>(sql`select current_user as who`)) as unknown as
        { who: string }[] | { rows: { who: string }[] };
    const name = (result: Awaited<ReturnType<typeof who>>) => (Array.isArray(result) ? result : result.rows)[0]!.who;
    const outside = name(await who());
    await withRls({ sub: alice }, async () => {
      expect(name(await who())).toBe('authenticated');
      await withRls(null, async () => expect(name(await who())).toBe('anon'));
      expect(name(await who())).toBe('authenticated');
      expect(await db.select().from(tenantInvites)).toHaveLength(2 * INVITES_PER_TENANT);
    });
    await rlsError(() =>
      withRls({ sub: bob }, () => db.insert(tenantInvites).values(rawInvite(tenantC, 'x@example.com'))),
    );
    expect(name(await who())).toBe(outside);
    expect(await db.select().from(tenantInvites)).toHaveLength(3 * INVITES_PER_TENANT);
  });

  it('rejects claims that are not a user (no sub, sub not a uuid, role other than authenticated)', async () => {
    for (const claims of [{}, { sub: 'user-1' }, { sub: randomUUID(), role: 'service_role' }]) {
      await expect(withRls(claims as never, () => db.select().from(tenantInvites))).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
  });
});
