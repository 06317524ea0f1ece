import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { TenantInviteSchema, type TenantInvite } from '../../src/dto/tenant/tenant-invite.js';
import {
  ConflictError,
  ForeignKeyError,
  MissingTenantError,
  NotFoundError,
  ValidationError,
} from '../../src/errors/classes.js';
import { InviteNotAcceptableError } from '../../src/queries/tenant/errors.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { tenantInvites } from '../../src/schema/tables/tenant/tenant-invite.js';
import { withTenant } from '../../src/scope/tenant.js';
import { factories } from '../../src/testing/index.js';
import { createTenantWithOwner } from '../support/tenant-with-owner.js';

let tenantId: string;
let ownerId: string;
const scope = () => ({ tenantId });
const email = () => `invitee-${randomUUID()}@example.com`;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const DAY = 86_400_000;

/** Timestamps of an invite created `daysAgo` (and last changed then), expiring `expiresInDays` after that. */
const past = (daysAgo: number, expiresInDays = 7) => {
  const createdAt = new Date(Date.now() - daysAgo * DAY);
  return { createdAt, updatedAt: createdAt, expiresAt: new Date(createdAt.getTime() + expiresInDays * DAY) };
};

beforeEach(async () => {
  const { tenant, owner } = await createTenantWithOwner();
  tenantId = tenant.id;
  ownerId = owner.id;
});

describe('TenantInviteQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<TenantInvite>().toEqualTypeOf<typeof tenantInvites.$inferSelect>();
  });

  it('create returns the token once and stores only its sha256', async () => {
    const { invite, token } = await TenantInviteQueries.create(
      { email: '  New.Person@Example.COM ', role: 'admin', invitedByUserId: ownerId },
      scope(),
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(invite).toMatchObject({
      tenantId,
      email: 'new.person@example.com',
      role: 'admin',
      status: 'pending',
      acceptedAt: null,
    });
    expect(invite.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(invite)).not.toContain(token);
    expect(TenantInviteSchema.parse(invite)).toEqual(invite);
    const days = (invite.expiresAt.getTime() - invite.createdAt.getTime()) / DAY;
    expect(days).toBe(7);
    const longer = await TenantInviteQueries.create(
      { email: email(), role: 'member', invitedByUserId: null, expiresInDays: 30 },
      scope(),
    );
    expect((longer.invite.expiresAt.getTime() - longer.invite.createdAt.getTime()) / DAY).toBe(30);
    expect(longer.token).not.toBe(token);
  });

  it('create rejects bad input, a second pending invite to one address, and an unknown inviter', async () => {
    const error = await TenantInviteQueries.create(
      { email: 'not-an-email', role: 'boss', invitedByUserId: null, expiresInDays: 0, status: 'accepted' } as never,
      scope(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'email', 'expiresInDays', 'role']);
    const address = email();
    await TenantInviteQueries.create({ email: address, role: 'member', invitedByUserId: null }, scope());
    const again = TenantInviteQueries.create(
      { email: address.toUpperCase(), role: 'admin', invitedByUserId: null },
      scope(),
    );
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(
      TenantInviteQueries.create({ email: email(), role: 'member', invitedByUserId: randomUUID() }, scope()),
    ).rejects.toBeInstanceOf(ForeignKeyError);
  });

  it('findById / getById; tenant isolation; withTenant', async () => {
    const { invite } = await TenantInviteQueries.create(
      { email: email(), role: 'member', invitedByUserId: null },
      scope(),
    );
    expect(await TenantInviteQueries.findById(invite.id, scope())).toEqual(invite);
    expect(await TenantInviteQueries.getById(invite.id, scope())).toEqual(invite);
    expect(await withTenant(tenantId, () => TenantInviteQueries.findById(invite.id))).toEqual(invite);
    expect(await TenantInviteQueries.findById(randomUUID(), scope())).toBeNull();
    await expect(TenantInviteQueries.getById(randomUUID(), scope())).rejects.toBeInstanceOf(NotFoundError);
    await expect(TenantInviteQueries.findById('x', scope())).rejects.toBeInstanceOf(ValidationError);
    await expect(TenantInviteQueries.findById(invite.id)).rejects.toBeInstanceOf(MissingTenantError);

    const other = { tenantId: (await factories.tenants.create()).id };
    expect(await TenantInviteQueries.findById(invite.id, other)).toBeNull();
    expect((await TenantInviteQueries.listPending({}, other)).items).toEqual([]);
    await expect(TenantInviteQueries.revoke(invite.id, other)).rejects.toBeInstanceOf(NotFoundError);
    await expect(TenantInviteQueries.update(invite.id, { role: 'owner' }, other)).rejects.toBeInstanceOf(NotFoundError);
    expect((await TenantInviteQueries.getById(invite.id, scope())).status).toBe('pending');
  });

  it('update changes the role of a pending invite only', async () => {
    const { invite } = await TenantInviteQueries.create(
      { email: email(), role: 'member', invitedByUserId: null },
      scope(),
    );
    const updated = await TenantInviteQueries.update(invite.id, { role: 'admin' }, scope());
    expect(updated.role).toBe('admin');
    expect(updated.updatedAt.getTime()).toBeGreaterThan(invite.updatedAt.getTime());
    await expect(
      TenantInviteQueries.update(invite.id, { email: 'x@example.com' } as never, scope()),
    ).rejects.toBeInstanceOf(ValidationError);
    await TenantInviteQueries.revoke(invite.id, scope());
    await expect(TenantInviteQueries.update(invite.id, { role: 'member' }, scope())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('revoke ends a pending invite: its token no longer works, and the address may be invited again', async () => {
    const address = email();
    const { invite, token } = await TenantInviteQueries.create(
      { email: address, role: 'member', invitedByUserId: null },
      scope(),
    );
    expect((await TenantInviteQueries.revoke(invite.id, scope())).status).toBe('revoked');
    await expect(TenantInviteQueries.revoke(invite.id, scope())).rejects.toBeInstanceOf(NotFoundError);
    await expect(TenantInviteQueries.accept(token, (await factories.user.create()).id)).rejects.toBeInstanceOf(
      InviteNotAcceptableError,
    );
    await expect(
      TenantInviteQueries.create({ email: address, role: 'member', invitedByUserId: null }, scope()),
    ).resolves.toBeDefined();
  });

  it('accept turns the invite accepted and adds the member with the invited role, once', async () => {
    const user = await factories.user.create();
    const { invite, token } = await TenantInviteQueries.create(
      { email: user.email, role: 'admin', invitedByUserId: ownerId },
      scope(),
    );
    const accepted = await TenantInviteQueries.accept(token, user.id);
    expect(accepted.invite).toMatchObject({ id: invite.id, status: 'accepted' });
    expect(accepted.invite.acceptedAt).toBeInstanceOf(Date);
    expect(accepted.member).toMatchObject({ tenantId, userId: user.id, role: 'admin' });
    expect(await TenantMemberQueries.getByUserId(user.id, scope())).toEqual(accepted.member);

    const again = await TenantInviteQueries.accept(token, (await factories.user.create()).id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(InviteNotAcceptableError);
    expect(again).toBeInstanceOf(NotFoundError);
    await expect(TenantInviteQueries.accept(randomBytes(32).toString('base64url'), user.id)).rejects.toBeInstanceOf(
      InviteNotAcceptableError,
    );
    await expect(TenantInviteQueries.accept('short', user.id)).rejects.toBeInstanceOf(ValidationError);
    await expect(TenantInviteQueries.accept(token, 'nope')).rejects.toBeInstanceOf(ValidationError);
  });

  it('accept refuses while the tenant is soft-deleted, and works again after restore', async () => {
    const { token } = await TenantInviteQueries.create(
      { email: email(), role: 'member', invitedByUserId: null },
      scope(),
    );
    const user = await factories.user.create();
    await TenantQueries.softDelete(tenantId);
    await expect(TenantInviteQueries.accept(token, user.id)).rejects.toBeInstanceOf(InviteNotAcceptableError);
    await TenantQueries.restore(tenantId);
    expect((await TenantInviteQueries.accept(token, user.id)).member.userId).toBe(user.id);
  });

  it('accept keeps an existing member role, and rolls back when the user does not exist', async () => {
    const { token } = await TenantInviteQueries.create(
      { email: email(), role: 'member', invitedByUserId: null },
      scope(),
    );
    await expect(TenantInviteQueries.accept(token, randomUUID())).rejects.toBeInstanceOf(ForeignKeyError);
    // Rolled back: the invite is still pending and can be used.
    const { member } = await TenantInviteQueries.accept(token, ownerId);
    expect(member.role).toBe('owner');
  });

  it('an invite past its expiry cannot be accepted; expireOverdue marks it expired and counts', async () => {
    const stale = await factories.tenantInvites.create({ tenantId, role: 'member', ...past(10, 7) });
    const fresh = await factories.tenantInvites.create({ tenantId, role: 'member' });
    const token = randomBytes(32).toString('base64url');
    const overdue = await factories.tenantInvites.create({
      tenantId,
      role: 'member',
      tokenHash: sha256(token),
      ...past(2, 1),
    });
    await expect(TenantInviteQueries.accept(token, (await factories.user.create()).id)).rejects.toBeInstanceOf(
      InviteNotAcceptableError,
    );
    expect((await TenantInviteQueries.listPending({}, scope())).items.map((i) => i.id)).toEqual([fresh.id]);

    expect(await TenantInviteQueries.expireOverdue()).toBeGreaterThanOrEqual(2);
    expect((await TenantInviteQueries.getById(stale.id, scope())).status).toBe('expired');
    expect((await TenantInviteQueries.getById(overdue.id, scope())).status).toBe('expired');
    expect((await TenantInviteQueries.getById(fresh.id, scope())).status).toBe('pending');
    expect(await TenantInviteQueries.expireOverdue()).toBe(0);
  });

  it('pruneTerminal deletes accepted, revoked and expired invites older than the date, never pending ones', async () => {
    const oldPending = await factories.tenantInvites.create({ tenantId, role: 'member', ...past(200) });
    await factories.tenantInvites.create({ tenantId, role: 'member', status: 'revoked', ...past(200) });
    await factories.tenantInvites.create({ tenantId, role: 'member', status: 'expired', ...past(200) });
    await factories.tenantInvites.create({
      tenantId,
      role: 'member',
      status: 'accepted',
      acceptedAt: past(199).createdAt,
      ...past(200),
    });
    const recentRevoked = await factories.tenantInvites.create({ tenantId, role: 'member', status: 'revoked' });

    const cutoff = new Date(Date.now() - 180 * DAY);
    expect(await TenantInviteQueries.pruneTerminal(cutoff)).toBe(3);
    const left = await db
      .select({ id: tenantInvites.id })
      .from(tenantInvites)
      .where(eq(tenantInvites.tenantId, tenantId));
    expect(left.map((r) => r.id).sort()).toEqual([oldPending.id, recentRevoked.id].sort());
    expect(await TenantInviteQueries.pruneTerminal(cutoff)).toBe(0);
    await expect(TenantInviteQueries.pruneTerminal(new Date('nope'))).rejects.toBeInstanceOf(ValidationError);
  });

  it('listPending pages newest first with a cursor', async () => {
    const created: TenantInvite[] = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        (await TenantInviteQueries.create({ email: email(), role: 'member', invitedByUserId: null }, scope())).invite,
      );
    }
    await TenantInviteQueries.revoke(created[2]!.id, scope());
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await TenantInviteQueries.listPending({ limit: 2, cursor }, scope());
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = created
      .filter((_, i) => i !== 2)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    expect(seen).toEqual(expected.map((i) => i.id));
    await expect(TenantInviteQueries.listPending({ limit: 500 }, scope())).rejects.toBeInstanceOf(ValidationError);
  });

  it('a member can be invited to a second tenant', async () => {
    const user = await factories.user.create();
    await factories.tenantMembers.create({ tenantId, userId: user.id, role: 'member' });
    const other = await createTenantWithOwner();
    const { token } = await TenantInviteQueries.create(
      { email: user.email, role: 'admin', invitedByUserId: null },
      { tenantId: other.tenant.id },
    );
    expect((await TenantInviteQueries.accept(token, user.id)).member).toMatchObject({
      tenantId: other.tenant.id,
      role: 'admin',
    });
  });
});
