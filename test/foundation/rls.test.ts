import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { ForbiddenError, ValidationError } from '../../src/errors/classes.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { withRls } from '../../src/scope/rls.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import { notificationPreferences } from '../../src/schema/tables/notifications/notification-preference.js';
import { tenantMembers } from '../../src/schema/tables/tenant/tenant-member.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';
import { factories } from '../../src/testing/index.js';

// Row-level security as the second tenant wall (policies in src/schema/_rls.ts, roles in drizzle/0000_supabase_roles.sql, grants at the end of 0002_database_rules.sql).
// Runs on PGlite and on the server: PGlite is a single-user Postgres but keeps roles, SET ROLE and RLS.

const TODOS_PER_TENANT = 3;

let alice: string; // member of A and B
let bob: string; // member of B only
let tenantA: string;
let tenantB: string;
let tenantC: string; // nobody of ours

beforeEach(async () => {
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
    for (let i = 0; i < TODOS_PER_TENANT; i++)
      await TodoQueries.create({ userId: alice, title: `t${i}` }, { tenantId });
  }
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
  it(`an unfiltered select of todos returns only the tenant of claim tenant_id (${TODOS_PER_TENANT} of ${3 * TODOS_PER_TENANT} rows)`, async () => {
    const rows = await withRls({ sub: bob, tenant_id: tenantB }, () => db.select().from(todos));
    expect(rows).toHaveLength(TODOS_PER_TENANT);
    expect(tenantIdsOf(rows)).toEqual([tenantB]);
  });

  it('without claim tenant_id the caller sees every tenant they are a member of (2 of 3), and no more', async () => {
    const rows = await withRls({ sub: alice }, () => db.select().from(todos));
    expect(rows).toHaveLength(2 * TODOS_PER_TENANT);
    expect(tenantIdsOf(rows)).toEqual([tenantA, tenantB].sort());
  });

  it('a tenant_id claim without a membership grants nothing (0 rows of tenant C)', async () => {
    const rows = await withRls({ sub: bob, tenant_id: tenantC }, () => db.select().from(todos));
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
      () => db.select().from(todos),
      () => db.select().from(tenants),
      () => db.select().from(tenantMembers),
      () => db.select().from(notificationPreferences),
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
        db.insert(todos).values({ tenantId: tenantA, userId: bob, title: 'sneaky' }),
      ),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).cause).toMatchObject({ code: '42501' });
    expect(await TodoQueries.list({}, { tenantId: tenantA })).toMatchObject({ items: { length: TODOS_PER_TENANT } });
  });

  it('a query object asked for another tenant is rejected on write and sees nothing on read', async () => {
    await withRls({ sub: bob }, async () => {
      await expect(TodoQueries.create({ userId: bob, title: 'x' }, { tenantId: tenantA })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      expect((await TodoQueries.list({}, { tenantId: tenantA })).items).toEqual([]);
      const own = await TodoQueries.create({ userId: bob, title: 'mine' }, { tenantId: tenantB });
      expect(own.tenantId).toBe(tenantB);
    });
  });

  it("an update or delete aimed at another tenant's rows touches 0 rows", async () => {
    const changed = await withRls({ sub: bob }, async () => ({
      updated: await db.update(todos).set({ title: 'hijacked' }).where(eq(todos.tenantId, tenantA)).returning(),
      deleted: await db.delete(todos).where(eq(todos.tenantId, tenantC)).returning(),
    }));
    expect(changed).toEqual({ updated: [], deleted: [] });
    const titles = (await TodoQueries.list({}, { tenantId: tenantA })).items.map((todo) => todo.title);
    expect(titles).not.toContain('hijacked');
    expect((await TodoQueries.list({}, { tenantId: tenantC })).items).toHaveLength(TODOS_PER_TENANT);
  });

  it('tenant-less rows (tenant_id null) are visible only to their own user (1 of 2)', async () => {
    for (const userId of [alice, bob]) {
      await db
        .insert(notificationPreferences)
        .values({ userId, type: 'invite.sent', channel: 'email', enabled: false });
    }
    const rows = await withRls({ sub: bob }, () =>
      db
        .select()
        .from(notificationPreferences)
        .where(sql`${notificationPreferences.tenantId} is null`),
    );
    expect(rows.map((row) => row.userId)).toEqual([bob]);
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
      expect(await db.select().from(todos)).toHaveLength(2 * TODOS_PER_TENANT);
    });
    await rlsError(() =>
      withRls({ sub: bob }, () => db.insert(todos).values({ tenantId: tenantC, userId: bob, title: 'x' })),
    );
    expect(name(await who())).toBe(outside);
    expect(await db.select().from(todos)).toHaveLength(3 * TODOS_PER_TENANT);
  });

  it('rejects claims that are not a user (no sub, sub not a uuid, role other than authenticated)', async () => {
    for (const claims of [{}, { sub: 'user-1' }, { sub: randomUUID(), role: 'service_role' }]) {
      await expect(withRls(claims as never, () => db.select().from(todos))).rejects.toBeInstanceOf(ValidationError);
    }
  });
});
