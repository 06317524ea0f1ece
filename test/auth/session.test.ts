import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { CreateSessionSchema, SessionSchema, type Session } from '../../src/dto/auth/session.js';
import { ForeignKeyError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { type session } from '../../src/schema/tables/auth/session.js';
import { tenantMembers } from '../../src/schema/tables/tenant/tenant-member.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';
import { factories, fromNow } from '../../src/testing/index.js';

let userId: string;

beforeEach(async () => {
  userId = (await factories.user.create()).id;
});

describe('SessionQueries', () => {
  it('row DTO type is the table row type; the create DTO has no token or tenant', () => {
    expectTypeOf<Session>().toEqualTypeOf<typeof session.$inferSelect>();
    expect(Object.keys(CreateSessionSchema.shape).sort()).toEqual(['expiresAt', 'ipAddress', 'userAgent', 'userId']);
  });

  it('create generates a random token and returns the row DTO', async () => {
    const a = await SessionQueries.create({
      userId,
      expiresAt: fromNow(1 / 24),
      ipAddress: '203.0.113.7',
      userAgent: ' curl ',
    });
    const b = await SessionQueries.create({ userId, expiresAt: fromNow(1 / 24) });
    expect(a).toMatchObject({ userId, ipAddress: '203.0.113.7', userAgent: 'curl', activeTenantId: null });
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.token).not.toBe(b.token);
    expect(SessionSchema.parse(a)).toEqual(a);
  });

  it('create rejects a caller-chosen token, a past expiry and a bad ip, before any SQL', async () => {
    const error = await SessionQueries.create({
      userId,
      expiresAt: fromNow(-1 / 24),
      ipAddress: '999.1.1.1',
      token: 'mine',
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'expiresAt', 'ipAddress']);
  });

  it('create for an unknown user is a ForeignKeyError', async () => {
    await expect(SessionQueries.create({ userId: randomUUID(), expiresAt: fromNow(1 / 24) })).rejects.toBeInstanceOf(
      ForeignKeyError,
    );
  });

  it('a caller can never choose or change a token (the session_token_unique conflict is only reachable by raw SQL)', async () => {
    const first = await factories.session.create({ userId });
    await expect(SessionQueries.update(first.id, { token: 'x' } as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(
      SessionQueries.create({ userId, expiresAt: fromNow(1 / 24), token: first.token } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await SessionQueries.getById(first.id)).token).toBe(first.token);
  });

  it('findByToken returns the live session, null when unknown or expired', async () => {
    const live = await factories.session.create({ userId });
    const expired = await factories.session.create({ userId, expiresAt: fromNow(-1 / 24) });
    expect(await SessionQueries.findByToken(live.token)).toEqual(live);
    expect(await SessionQueries.findByToken(expired.token)).toBeNull();
    expect(await SessionQueries.findByToken('unknown-token')).toBeNull();
    await expect(SessionQueries.findByToken('')).rejects.toBeInstanceOf(ValidationError);
  });

  it('findById / getById', async () => {
    const s = await factories.session.create({ userId });
    expect(await SessionQueries.findById(s.id)).toEqual(s);
    expect(await SessionQueries.getById(s.id)).toEqual(s);
    expect(await SessionQueries.findById(randomUUID())).toBeNull();
    await expect(SessionQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(SessionQueries.getById('x')).rejects.toBeInstanceOf(ValidationError);
  });

  it("listForUser returns only that user's live sessions unless includeExpired", async () => {
    const live = await factories.session.create({ userId });
    const expired = await factories.session.create({ userId, expiresAt: fromNow(-1 / 24) });
    await factories.session.create({ userId: (await factories.user.create()).id });
    expect((await SessionQueries.listForUser(userId)).map((s) => s.id)).toEqual([live.id]);
    expect((await SessionQueries.listForUser(userId, { includeExpired: true })).map((s) => s.id).sort()).toEqual(
      [live.id, expired.id].sort(),
    );
    expect(await SessionQueries.listForUser(randomUUID())).toEqual([]);
    await expect(SessionQueries.listForUser('x')).rejects.toBeInstanceOf(ValidationError);
  });

  it('update extends the session', async () => {
    const s = await factories.session.create({ userId });
    const later = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    expect((await SessionQueries.update(s.id, { expiresAt: later })).expiresAt).toEqual(later);
    await expect(SessionQueries.update(s.id, { expiresAt: fromNow(-1 / 24) })).rejects.toBeInstanceOf(ValidationError);
    await expect(SessionQueries.update(randomUUID(), { expiresAt: later })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('setActiveTenant accepts a tenant the user belongs to, refuses others and deleted ones, and clears', async () => {
    const s = await factories.session.create({ userId });
    const member = await factories.tenants.create();
    const stranger = await factories.tenants.create();
    await db.insert(tenantMembers).values({ tenantId: member.id, userId, role: 'owner' });

    expect((await SessionQueries.setActiveTenant(s.id, member.id)).activeTenantId).toBe(member.id);
    await expect(SessionQueries.setActiveTenant(s.id, stranger.id)).rejects.toMatchObject({ entity: 'TenantMember' });
    expect((await SessionQueries.getById(s.id)).activeTenantId).toBe(member.id);
    expect((await SessionQueries.setActiveTenant(s.id, null)).activeTenantId).toBeNull();

    await db.update(tenants).set({ deletedAt: new Date() }).where(eq(tenants.id, member.id));
    await expect(SessionQueries.setActiveTenant(s.id, member.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(SessionQueries.setActiveTenant(randomUUID(), null)).rejects.toMatchObject({ entity: 'Session' });
    await expect(SessionQueries.setActiveTenant(s.id, 'acme')).rejects.toBeInstanceOf(ValidationError);
  });

  it('revoke deletes one session; revokeAllForUser deletes the rest, optionally keeping one', async () => {
    const [a, b, c] = [
      await factories.session.create({ userId }),
      await factories.session.create({ userId }),
      await factories.session.create({ userId }),
    ];
    const other = await factories.session.create({ userId: (await factories.user.create()).id });
    expect((await SessionQueries.revoke(a!.id)).id).toBe(a!.id);
    expect(await SessionQueries.findByToken(a!.token)).toBeNull();
    await expect(SessionQueries.revoke(a!.id)).rejects.toBeInstanceOf(NotFoundError);

    expect(await SessionQueries.revokeAllForUser(userId, { exceptSessionId: c!.id })).toBe(1);
    expect(await SessionQueries.findById(b!.id)).toBeNull();
    expect(await SessionQueries.revokeAllForUser(userId)).toBe(1);
    expect(await SessionQueries.findById(c!.id)).toBeNull();
    expect(await SessionQueries.findById(other.id)).toEqual(other);
    await expect(SessionQueries.revokeAllForUser('x')).rejects.toBeInstanceOf(ValidationError);
  });

  it('deleteExpired removes expired sessions only', async () => {
    const live = await factories.session.create({ userId });
    await factories.session.create({ userId, expiresAt: fromNow(-1 / 24) });
    await factories.session.create({ userId, expiresAt: new Date(Date.now() - 86_400_000) });
    expect(await SessionQueries.deleteExpired()).toBe(2);
    expect((await SessionQueries.listForUser(userId, { includeExpired: true })).map((s) => s.id)).toEqual([live.id]);
    expect(await SessionQueries.deleteExpired()).toBe(0);
  });
});
