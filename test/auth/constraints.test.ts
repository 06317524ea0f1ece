import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { CheckViolationError, ConflictError } from '../../src/errors/classes.js';
import { withTransaction } from '../../src/client/executor.js';
import { toDatabaseError } from '../../src/errors/sqlstate.js';
import { account } from '../../src/schema/tables/auth/account.js';
import { session } from '../../src/schema/tables/auth/session.js';
import { user } from '../../src/schema/tables/auth/user.js';
import { verification } from '../../src/schema/tables/auth/verification.js';
import { factories } from '../../src/testing/index.js';

/** Runs raw SQL in a savepoint (a failure must not abort the test's transaction) and returns the mapped error. */
async function failureOf(statement: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await withTransaction((tx) => tx.execute(statement));
  } catch (error) {
    return toDatabaseError(error);
  }
  throw new Error('statement succeeded but was expected to fail');
}

let userId: string;

beforeEach(async () => {
  userId = (await factories.user.create({ email: `owner-${randomUUID()}@example.com` })).id;
});

describe('auth constraints', () => {
  it('rejects a second user with the same email (user_email_unique)', async () => {
    const email = `dup-${randomUUID()}@example.com`;
    await factories.user.create({ email });
    const error = await failureOf(sql`insert into "user" (name, email) values ('Twin', ${email})`);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe('user_email_unique');
  });

  it('rejects an email that is not stored lower-case (user_email_lower_case)', async () => {
    const error = await failureOf(
      sql`insert into "user" (name, email) values ('Shouty', ${`ADA-${randomUUID()}@Example.com`})`,
    );
    expect(error).toBeInstanceOf(CheckViolationError);
    expect((error as CheckViolationError).constraint).toBe('user_email_lower_case');
  });

  it('deleting a user deletes its sessions and accounts (on delete cascade)', async () => {
    await factories.session.create({ userId });
    await factories.session.create({ userId });
    await factories.account.create({ userId, providerId: 'credential', accountId: userId, password: 'scrypt-hash' });
    const other = (await factories.user.create()).id;
    const othersSession = await factories.session.create({ userId: other });

    await db.execute(sql`delete from "user" where id = ${userId}`);

    expect(await db.select().from(session).where(eq(session.userId, userId))).toEqual([]);
    expect(await db.select().from(account).where(eq(account.userId, userId))).toEqual([]);
    // only the deleted user's rows went
    expect(await db.select().from(session).where(eq(session.id, othersSession.id))).toHaveLength(1);
  });

  it('deleting the active tenant clears session.active_tenant_id but keeps the session (on delete set null)', async () => {
    const tenant = await factories.tenants.create();
    const s = await factories.session.create({ userId, activeTenantId: tenant.id });
    await db.execute(sql`delete from tenants where id = ${tenant.id}`);
    const [after] = await db.select().from(session).where(eq(session.id, s.id));
    expect(after).toMatchObject({ id: s.id, activeTenantId: null });
  });

  it('rejects a second account with the same (provider_id, account_id)', async () => {
    await factories.account.create({ userId, providerId: 'github', accountId: '4242' });
    const other = (await factories.user.create()).id;
    const error = await failureOf(
      sql`insert into account (user_id, provider_id, account_id) values (${other}, 'github', '4242')`,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe('account_provider_account_unique');
    // the same account id at another provider is a different account
    await expect(
      factories.account.create({ userId: other, providerId: 'google', accountId: '4242' }),
    ).resolves.toMatchObject({
      accountId: '4242',
    });
  });

  it('rejects a second session with the same token (session_token_unique)', async () => {
    const first = await factories.session.create({ userId });
    const error = await failureOf(
      sql`insert into session (user_id, token, expires_at) values (${userId}, ${first.token}, now() + interval '1 hour')`,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe('session_token_unique');
  });

  it('moves updated_at on a raw SQL update (trigger user_set_updated_at)', async () => {
    const past = new Date('2001-02-03T04:05:06.789Z');
    const row = await factories.user.create({ createdAt: past, updatedAt: past });
    const before = Date.now();
    await db.execute(sql`update "user" set name = 'Renamed' where id = ${row.id}`);
    const [after] = await db.select().from(user).where(eq(user.id, row.id));
    expect(after!.name).toBe('Renamed');
    expect(after!.createdAt).toEqual(past);
    // the trigger set it from the database clock; without it, it would still be 2001
    expect(after!.updatedAt.getTime()).toBeGreaterThan(before - 60_000);
  });

  it('moves updated_at on session, account and verification too', async () => {
    const past = new Date('2001-02-03T04:05:06.789Z');
    const s = await factories.session.create({ userId, updatedAt: past });
    const a = await factories.account.create({ userId, updatedAt: past });
    await db.execute(sql`update session set user_agent = 'curl' where id = ${s.id}`);
    await db.execute(sql`update account set scope = 'read' where id = ${a.id}`);
    const [s2] = await db.select().from(session).where(eq(session.id, s.id));
    const [a2] = await db.select().from(account).where(eq(account.id, a.id));
    const v = await factories.verification.create({ updatedAt: past });
    await db.execute(sql`update verification set value = 'z' where id = ${v.id}`);
    const [v2] = await db.select().from(verification).where(eq(verification.id, v.id));
    expect(s2!.updatedAt.getTime()).toBeGreaterThan(past.getTime());
    expect(a2!.updatedAt.getTime()).toBeGreaterThan(past.getTime());
    expect(v2!.updatedAt.getTime()).toBeGreaterThan(past.getTime());
  });
});
