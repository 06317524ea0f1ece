import { randomUUID } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { driverError } from '../../src/errors/sqlstate.js';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { tenantActivity } from '../../src/schema/tables/tenant/tenant-activity.js';
import { tenantInvites } from '../../src/schema/tables/tenant/tenant-invite.js';
import { tenantMembers } from '../../src/schema/tables/tenant/tenant-member.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import { deferred, untilBlockedOrDone } from '../support/tenant-concurrency.js';
import { createTenantWithOwner } from '../support/tenant-with-owner.js';

/**
 * Runs `work` (raw SQL or a fixture call) in a savepoint, expecting the database to reject it, and returns
 * "constraint: message" of the driver error (Drizzle's own message is just "Failed query: ...").
 */
async function violationOf(work: SQL | (() => Promise<unknown>)): Promise<string> {
  const error = await withTransaction((tx) => (typeof work === 'function' ? work() : tx.execute(work))).then(
    () => undefined,
    (e: unknown) => e,
  );
  const pg = driverError(error);
  if (!pg) throw new Error('expected a database error', { cause: error });
  return `${pg.constraint_name ?? pg.constraint ?? ''}: ${pg.message ?? ''}`;
}

async function roleOf(tenantId: string, userId: string) {
  const [row] = await db
    .select({ role: tenantMembers.role })
    .from(tenantMembers)
    .where(sql`${tenantMembers.tenantId} = ${tenantId} and ${tenantMembers.userId} = ${userId}`);
  return row?.role ?? null;
}

describe('tenants', () => {
  it('slug is unique and must be lower-case words joined by single hyphens', async () => {
    const tenant = await factories.tenants.create();
    expect(await violationOf(sql`insert into tenants (name, slug) values ('Copy', ${tenant.slug})`)).toMatch(
      /tenants_slug_unique/,
    );
    for (const slug of ['Upper', 'two--hyphens', '-lead', 'trail-', 'sp ace', '']) {
      expect(await violationOf(sql`insert into tenants (name, slug) values ('Bad', ${slug})`)).toMatch(
        /tenants_slug_format/,
      );
    }
    expect(
      await violationOf(sql`insert into tenants (name, slug, custom_attributes) values ('A', 'arr-ok', '[]')`),
    ).toMatch(/tenants_custom_attributes_object/);
  });

  it('deleting a tenant deletes its members, invites and activity (the other domains: their own tests)', async () => {
    const { tenant, owner } = await createTenantWithOwner();
    await factories.tenantMembers.create({
      tenantId: tenant.id,
      userId: (await factories.user.create()).id,
      role: 'admin',
    });
    await factories.tenantInvites.create({ tenantId: tenant.id, role: 'member' });
    await db.insert(tenantActivity).values({ tenantId: tenant.id, actorUserId: owner.id, action: 'tenant.created' });
    const other = await createTenantWithOwner();

    await db.execute(sql`delete from tenants where id = ${tenant.id}`);

    for (const table of [tenantMembers, tenantInvites, tenantActivity]) {
      expect(await db.$count(table, eq(table.tenantId, tenant.id))).toBe(0);
    }
    expect(await db.$count(tenantMembers, eq(tenantMembers.tenantId, other.tenant.id))).toBe(1);
  });
});

describe('tenant_members_keep_last_owner', () => {
  it('rejects demoting or deleting the last owner, and deleting the user who is it', async () => {
    const { tenant, owner } = await createTenantWithOwner();
    expect(await violationOf(sql`update tenant_members set role = 'admin' where tenant_id = ${tenant.id}`)).toMatch(
      /last owner/,
    );
    expect(await violationOf(sql`delete from tenant_members where tenant_id = ${tenant.id}`)).toMatch(/last owner/);
    expect(await violationOf(sql`delete from "user" where id = ${owner.id}`)).toMatch(/last owner/);
    expect(await roleOf(tenant.id, owner.id)).toBe('owner');
  });

  it('with two owners one may go, but not both in one statement', async () => {
    const { tenant, owner } = await createTenantWithOwner();
    const second = await factories.user.create();
    await factories.tenantMembers.create({ tenantId: tenant.id, userId: second.id, role: 'owner' });
    expect(await violationOf(sql`update tenant_members set role = 'member' where tenant_id = ${tenant.id}`)).toMatch(
      /last owner/,
    );

    await db.execute(
      sql`update tenant_members set role = 'admin' where tenant_id = ${tenant.id} and user_id = ${owner.id}`,
    );
    expect(await roleOf(tenant.id, owner.id)).toBe('admin');
    expect(
      await violationOf(sql`delete from tenant_members where tenant_id = ${tenant.id} and user_id = ${second.id}`),
    ).toMatch(/last owner/);
    // Non-owners come and go freely.
    await db.execute(sql`delete from tenant_members where tenant_id = ${tenant.id} and user_id = ${owner.id}`);
    expect(await roleOf(tenant.id, owner.id)).toBeNull();
  });

  it('applies to soft-deleted tenants, and never blocks deleting the tenant itself', async () => {
    const { tenant, owner } = await createTenantWithOwner();
    await db.execute(sql`update tenants set deleted_at = now() where id = ${tenant.id}`);
    expect(await violationOf(sql`delete from tenant_members where tenant_id = ${tenant.id}`)).toMatch(/last owner/);
    await db.execute(sql`delete from tenants where id = ${tenant.id}`);
    expect(await roleOf(tenant.id, owner.id)).toBeNull();
    expect(await db.$count(tenants, eq(tenants.id, tenant.id))).toBe(0);
  });

  it('two concurrent demotions of the two owners: exactly one commits', async () => {
    const handle = await isolatedDatabase();
    try {
      await runWithExecutor(handle.db, async () => {
        const { tenant, owner } = await createTenantWithOwner();
        const second = await factories.user.create();
        await factories.tenantMembers.create({ tenantId: tenant.id, userId: second.id, role: 'owner' });
        const demote = (userId: string) =>
          sql`update tenant_members set role = 'admin' where tenant_id = ${tenant.id} and user_id = ${userId}`;

        const firstDemoted = deferred();
        const release = deferred();
        const first = withTransaction(async (tx) => {
          await tx.execute(demote(owner.id));
          firstDemoted.resolve();
          await release.promise; // keep the lock until the second transaction is blocked on it
        });
        const secondTx = firstDemoted.promise.then(() => withTransaction((tx) => tx.execute(demote(second.id))));
        await firstDemoted.promise;
        await untilBlockedOrDone(handle, secondTx);
        release.resolve();

        const results = await Promise.allSettled([first, secondTx]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        const failure = results.find((r) => r.status === 'rejected');
        expect(driverError((failure as PromiseRejectedResult).reason)?.message).toMatch(/last owner/);
        const owners = await db.$count(
          tenantMembers,
          sql`${tenantMembers.tenantId} = ${tenant.id} and ${tenantMembers.role} = 'owner'`,
        );
        expect(owners).toBe(1);
      });
    } finally {
      await handle.close();
    }
  });
});

describe('tenant_invites', () => {
  it('allows one pending invite per (tenant, email); terminal ones may repeat', async () => {
    const tenant = await factories.tenants.create();
    const email = `someone-${randomUUID()}@example.com`;
    const pending = await factories.tenantInvites.create({ tenantId: tenant.id, role: 'member', email });
    expect(
      await violationOf(() => factories.tenantInvites.create({ tenantId: tenant.id, role: 'member', email })),
    ).toMatch(/tenant_invites_tenant_email_pending_unique/);
    // Another tenant may invite the same address.
    await factories.tenantInvites.create({ tenantId: (await factories.tenants.create()).id, role: 'member', email });
    await db.execute(sql`update tenant_invites set status = 'revoked' where id = ${pending.id}`);
    await factories.tenantInvites.create({ tenantId: tenant.id, role: 'member', email, status: 'expired' });
    const again = await factories.tenantInvites.create({ tenantId: tenant.id, role: 'member', email });
    expect(again.status).toBe('pending');
  });

  it('rejects an upper-case email, a duplicate token hash and an expiry not after creation', async () => {
    const tenant = await factories.tenants.create();
    const invite = await factories.tenantInvites.create({ tenantId: tenant.id, role: 'member' });
    expect(
      await violationOf(() =>
        factories.tenantInvites.create({ tenantId: tenant.id, role: 'member', email: 'Mixed@Example.com' }),
      ),
    ).toMatch(/tenant_invites_email_lower_case/);
    expect(
      await violationOf(() =>
        factories.tenantInvites.create({ tenantId: tenant.id, role: 'member', tokenHash: invite.tokenHash }),
      ),
    ).toMatch(/tenant_invites_token_hash_unique/);
    expect(
      await violationOf(() =>
        factories.tenantInvites.create({ tenantId: tenant.id, role: 'member', expiresAt: new Date(Date.now() - 1000) }),
      ),
    ).toMatch(/tenant_invites_expires_after_created/);
  });

  it('accepted_at is set exactly when the status is accepted', async () => {
    const invite = await factories.tenantInvites.create({
      tenantId: (await factories.tenants.create()).id,
      role: 'member',
    });
    expect(await violationOf(sql`update tenant_invites set status = 'accepted' where id = ${invite.id}`)).toMatch(
      /tenant_invites_accepted_at_iff_accepted/,
    );
    expect(await violationOf(sql`update tenant_invites set accepted_at = now() where id = ${invite.id}`)).toMatch(
      /tenant_invites_accepted_at_iff_accepted/,
    );
    await db.execute(sql`update tenant_invites set status = 'accepted', accepted_at = now() where id = ${invite.id}`);
    const [row] = await db.select().from(tenantInvites).where(eq(tenantInvites.id, invite.id));
    expect(row?.acceptedAt).toBeInstanceOf(Date);
  });

  it('updated_at moves on a raw SQL update; the inviter may be deleted', async () => {
    const tenant = await factories.tenants.create();
    const inviter = await factories.user.create();
    const invite = await factories.tenantInvites.create({
      tenantId: tenant.id,
      role: 'member',
      invitedByUserId: inviter.id,
    });
    await db.execute(sql`update tenant_invites set role = 'admin' where id = ${invite.id}`);
    await db.execute(sql`delete from "user" where id = ${inviter.id}`);
    const [row] = await db.select().from(tenantInvites).where(eq(tenantInvites.id, invite.id));
    expect(row!.updatedAt.getTime()).toBeGreaterThan(invite.updatedAt.getTime());
    expect(row).toMatchObject({ role: 'admin', invitedByUserId: null });
  });
});

describe('tenant_activity', () => {
  it('metadata must be an object; the actor may be deleted', async () => {
    const { tenant } = await createTenantWithOwner();
    const actor = await factories.user.create();
    expect(
      await violationOf(
        sql`insert into tenant_activity (tenant_id, action, metadata) values (${tenant.id}, 'x', '[1]')`,
      ),
    ).toMatch(/tenant_activity_metadata_object/);
    expect(await violationOf(sql`insert into tenant_activity (tenant_id, action) values (${tenant.id}, '')`)).toMatch(
      /tenant_activity_action_length/,
    );
    const [entry] = await db
      .insert(tenantActivity)
      .values({ tenantId: tenant.id, actorUserId: actor.id, action: 'member.added' })
      .returning();
    await db.execute(sql`delete from "user" where id = ${actor.id}`);
    const [row] = await db.select().from(tenantActivity).where(eq(tenantActivity.id, entry!.id));
    expect(row).toMatchObject({ actorUserId: null, action: 'member.added', metadata: {} });
  });
});
