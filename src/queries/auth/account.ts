import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  CREDENTIAL_PROVIDER_ID,
  CreateAccountSchema,
  PasswordHashSchema,
  UpdateAccountSchema,
  type Account,
  type AccountSummary,
  type CreateAccount,
  type UpdateAccount,
} from '../../dto/auth/account.js';
import { trimmedText } from '../../dto/_fields.js';
import { account } from '../../schema/tables/auth/account.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { read, write } from '../_lib/run.js';
import { updateReturning } from '../_lib/update.js';
import { parseId, parseInput } from '../_lib/validate.js';

// Login methods of a user. Reads that can reach a client return `AccountSummary` (no password hash, no OAuth
// tokens); the full row is only returned where auth code needs the secrets.

const ENTITY = 'Account';

const {
  password: _password,
  accessToken: _access,
  refreshToken: _refresh,
  idToken: _id,
  ...summaryColumns
} = getTableColumns(account);

const ProviderKey = z.object({ providerId: trimmedText(100), accountId: trimmedText(255) });

const findByProviderKey = preparedPerExecutor((db) =>
  db
    .select()
    .from(account)
    .where(
      and(eq(account.providerId, sql.placeholder('providerId')), eq(account.accountId, sql.placeholder('accountId'))),
    )
    .limit(1)
    .prepare('account_find_by_provider'),
);

async function findById(id: string): Promise<Account | null> {
  const accountId = parseId(ENTITY, id);
  const rows = await read((db) => db.select().from(account).where(eq(account.id, accountId)).limit(1));
  return rows[0] ?? null;
}

export const AccountQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** The account an OAuth callback (or a credential sign-in) resolves to: served by account_provider_account_unique. */
  async findByProvider(providerId: string, accountId: string): Promise<Account | null> {
    const key = parseInput(ENTITY, ProviderKey, { providerId, accountId });
    const rows = await read((db) => findByProviderKey(db).execute(key));
    return rows[0] ?? null;
  },

  /** The user's login methods, newest first, without secrets. */
  async listForUser(userId: string): Promise<AccountSummary[]> {
    const owner = parseId(ENTITY, userId, 'userId');
    return read((db) =>
      db
        .select(summaryColumns)
        .from(account)
        .where(eq(account.userId, owner))
        .orderBy(desc(account.createdAt), desc(account.id)),
    );
  },

  /** Links an OAuth account; the same provider account twice is a `ConflictError` (account_provider_account_unique). */
  async create(input: CreateAccount): Promise<Account> {
    const values = parseInput(ENTITY, CreateAccountSchema, input);
    const [row] = await write((db) => db.insert(account).values(values).returning());
    return row!;
  },

  /** Stores refreshed OAuth tokens. */
  async update(id: string, input: UpdateAccount): Promise<Account> {
    const accountId = parseId(ENTITY, id);
    const values = parseInput(ENTITY, UpdateAccountSchema, input);
    const [row] = await write((db) => updateReturning(db, account, values, eq(account.id, accountId)));
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  /**
   * The one way to write a password hash: creates the user's `credential` account (account_id = user id, as Better
   * Auth does) or replaces its hash. Takes a hash, never a password: hash with Better Auth's `password.hash`.
   */
  async setPasswordHash(userId: string, passwordHash: string): Promise<AccountSummary> {
    const owner = parseId(ENTITY, userId, 'userId');
    const { passwordHash: hash } = parseInput(ENTITY, PasswordHashSchema, { passwordHash });
    const [row] = await write((db) =>
      db
        .insert(account)
        .values({ userId: owner, providerId: CREDENTIAL_PROVIDER_ID, accountId: owner, password: hash })
        .onConflictDoUpdate({
          target: [account.providerId, account.accountId],
          set: { password: hash },
          // never rewrite another user's row (account_id is this user's id, so it can only be theirs)
          setWhere: eq(account.userId, owner),
        })
        .returning(summaryColumns),
    );
    return orNotFound(row, ENTITY, `credential account of userId=${userId}`);
  },

  /** Unlinks a login method. */
  async delete(id: string): Promise<AccountSummary> {
    const accountId = parseId(ENTITY, id);
    const [row] = await write((db) => db.delete(account).where(eq(account.id, accountId)).returning(summaryColumns));
    return orNotFound(row, ENTITY, `id=${id}`);
  },
};
