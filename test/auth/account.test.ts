import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { AccountSchema, CreateAccountSchema, type Account, type AccountSummary } from '../../src/dto/auth/account.js';
import { ConflictError, ForeignKeyError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { AccountQueries } from '../../src/queries/auth/account.js';
import { type account } from '../../src/schema/tables/auth/account.js';
import { factories } from '../../src/testing/index.js';

let userId: string;
const HASH = `${'ab'.repeat(16)}:${'cd'.repeat(64)}`; // the shape of Better Auth's scrypt salt:key

beforeEach(async () => {
  userId = (await factories.user.create()).id;
});

const github = (overrides: Record<string, unknown> = {}) => ({
  userId,
  providerId: 'github',
  accountId: String(Math.floor(Math.random() * 1e9)),
  accessToken: 'gho_access',
  refreshToken: 'ghr_refresh',
  scope: 'read:user',
  ...overrides,
});

describe('AccountQueries', () => {
  it('row DTO is the complete row; the create DTO cannot carry a password', () => {
    expectTypeOf<Account>().toEqualTypeOf<typeof account.$inferSelect>();
    expectTypeOf<AccountSummary>().toEqualTypeOf<
      Omit<Account, 'password' | 'accessToken' | 'refreshToken' | 'idToken'>
    >();
    expect(Object.keys(AccountSchema.shape)).toContain('password');
    expect(Object.keys(CreateAccountSchema.shape)).not.toContain('password');
  });

  it('create links an OAuth account and returns the full row', async () => {
    const created = await AccountQueries.create(github({ accountId: '1001' }));
    expect(created).toMatchObject({
      userId,
      providerId: 'github',
      accountId: '1001',
      accessToken: 'gho_access',
      password: null,
    });
    expect(AccountSchema.parse(created)).toEqual(created);
  });

  it('create refuses a password, a credential account and bad fields, before any SQL', async () => {
    const error = await AccountQueries.create(github({ password: 'hunter2' }) as never).catch((e: unknown) => e);
    expect((error as ValidationError).fields).toEqual(['(root)']);
    const credential = await AccountQueries.create(github({ providerId: 'credential' })).catch((e: unknown) => e);
    expect((credential as ValidationError).fields).toEqual(['providerId']);
    const blank = await AccountQueries.create(github({ accountId: ' ', userId: 'x' })).catch((e: unknown) => e);
    expect((blank as ValidationError).fields.sort()).toEqual(['accountId', 'userId']);
  });

  it('create: the same provider account twice is a ConflictError; an unknown user a ForeignKeyError', async () => {
    await AccountQueries.create(github({ accountId: '42' }));
    const other = (await factories.user.create()).id;
    const error = await AccountQueries.create(github({ userId: other, accountId: '42' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe('account_provider_account_unique');
    await expect(AccountQueries.create(github({ userId: randomUUID() }))).rejects.toBeInstanceOf(ForeignKeyError);
  });

  it('findById / getById / findByProvider', async () => {
    const created = await AccountQueries.create(github({ accountId: '7' }));
    expect(await AccountQueries.findById(created.id)).toEqual(created);
    expect(await AccountQueries.getById(created.id)).toEqual(created);
    expect(await AccountQueries.findByProvider('github', '7')).toEqual(created);
    expect(await AccountQueries.findByProvider('google', '7')).toBeNull();
    expect(await AccountQueries.findById(randomUUID())).toBeNull();
    await expect(AccountQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(AccountQueries.findByProvider('', '7')).rejects.toBeInstanceOf(ValidationError);
  });

  it("listForUser returns the user's accounts without secrets", async () => {
    await AccountQueries.create(github());
    await AccountQueries.setPasswordHash(userId, HASH);
    await factories.account.create({ userId: (await factories.user.create()).id });
    const listed = await AccountQueries.listForUser(userId);
    expect(listed.map((a) => a.providerId).sort()).toEqual(['credential', 'github']);
    for (const row of listed) {
      expect(row).not.toHaveProperty('password');
      expect(row).not.toHaveProperty('accessToken');
      expect(row).not.toHaveProperty('refreshToken');
      expect(row).not.toHaveProperty('idToken');
    }
    await expect(AccountQueries.listForUser('x')).rejects.toBeInstanceOf(ValidationError);
  });

  it('update stores refreshed tokens only', async () => {
    const created = await AccountQueries.create(github());
    const expiresAt = new Date(Date.now() + 3600_000);
    const updated = await AccountQueries.update(created.id, {
      accessToken: 'gho_new',
      accessTokenExpiresAt: expiresAt,
    });
    expect(updated).toMatchObject({
      accessToken: 'gho_new',
      accessTokenExpiresAt: expiresAt,
      refreshToken: 'ghr_refresh',
    });
    await expect(AccountQueries.update(created.id, { password: HASH } as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(AccountQueries.update(created.id, { providerId: 'x' } as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(AccountQueries.update(randomUUID(), { accessToken: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('setPasswordHash creates the credential account, then replaces its hash; refuses a plain password', async () => {
    const created = await AccountQueries.setPasswordHash(userId, HASH);
    expect(created).toMatchObject({ userId, providerId: 'credential', accountId: userId });
    expect(created).not.toHaveProperty('password');
    const newHash = `${'ef'.repeat(16)}:${'01'.repeat(64)}`;
    const again = await AccountQueries.setPasswordHash(userId, newHash);
    expect(again.id).toBe(created.id);
    expect((await AccountQueries.findByProvider('credential', userId))?.password).toBe(newHash);

    await expect(AccountQueries.setPasswordHash(userId, 'hunter2')).rejects.toBeInstanceOf(ValidationError);
    await expect(AccountQueries.setPasswordHash(randomUUID(), HASH)).rejects.toBeInstanceOf(ForeignKeyError);
  });

  it('delete unlinks an account and returns it without secrets', async () => {
    const created = await AccountQueries.create(github());
    const deleted = await AccountQueries.delete(created.id);
    expect(deleted.id).toBe(created.id);
    expect(deleted).not.toHaveProperty('accessToken');
    expect(await AccountQueries.findById(created.id)).toBeNull();
    await expect(AccountQueries.delete(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
