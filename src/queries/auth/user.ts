import { and, eq } from 'drizzle-orm';
import {
  CreateUserSchema,
  UpdateUserSchema,
  UserEmailSchema,
  UserFilterSchema,
  type CreateUser,
  type UpdateUser,
  type User,
  type UserFilter,
} from '../../dto/auth/user.js';
import { user } from '../../schema/tables/auth/user.js';
import { applyControlDelete } from '../_lib/control-references.js';
import { eqEachSet } from '../_lib/filters.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { findByIdOf } from '../_lib/find-by-id.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { updateReturning } from '../_lib/update.js';
import { parseId, parseInput } from '../_lib/validate.js';
import { copyMember, uncopyMembershipsOf } from '../tenant/member-copy.js';

// Users are global (not tenant-scoped): one person, many tenants through tenant_members.

const ENTITY = 'User';

export type ListUsersInput = ListInput<UserFilter>;

const findById = findByIdOf(ENTITY, user, 'user_find_by_id');

export const UserQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** `Ada@Example.com` finds `ada@example.com`: input is lower-cased like the stored value, so the unique index serves it. */
  async findByEmail(email: string): Promise<User | null> {
    const parsed = parseInput(ENTITY, UserEmailSchema, { email });
    const rows = await read((db) => db.select().from(user).where(eq(user.email, parsed.email)).limit(1));
    return rows[0] ?? null;
  },

  /** Newest first, `limit` per page (default 50); pass `nextCursor` back for the next page. */
  async list(input: ListUsersInput = {}): Promise<Page<User>> {
    const { limit, filter, position } = parseListInput(ENTITY, UserFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(user)
        .where(and(...eqEachSet(user, filter), afterCursor(user, position)))
        .orderBy(...newestFirst(user))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /** A taken email (in any case) is a `ConflictError` on `user_email_unique`. */
  async create(input: CreateUser): Promise<User> {
    const values = parseInput(ENTITY, CreateUserSchema, input);
    const [row] = await write((db) => db.insert(user).values(values).returning());
    return row!;
  },

  async update(id: string, input: UpdateUser): Promise<User> {
    const userId = parseId(ENTITY, id);
    const values = parseInput(ENTITY, UpdateUserSchema, input);
    const [row] = await write((db) => updateReturning(db, user, values, eq(user.id, userId)));
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  /**
   * Deletes the user and, by cascade, their sessions, accounts and memberships. With tenant databases the copies of
   * their memberships in placed tenants' databases go first (queries/tenant/member-copy.ts), back if this fails, and
   * their rows there are deleted (todos) or unlinked (activity) as the foreign keys do in the shared database.
   */
  async delete(id: string): Promise<User> {
    const userId = parseId(ENTITY, id);
    const copies = await uncopyMembershipsOf(userId);
    // What the foreign keys to the user do in the shared database, done in the placed tenants' own databases.
    for (const membership of copies) await applyControlDelete(membership.tenantId, user, userId);
    try {
      const [row] = await write((db) => db.delete(user).where(eq(user.id, userId)).returning());
      return orNotFound(row, ENTITY, `id=${id}`);
    } catch (error) {
      for (const membership of copies) await copyMember(membership).catch(() => undefined);
      throw error;
    }
  },
};
