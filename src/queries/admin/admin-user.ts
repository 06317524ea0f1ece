import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  AdminUserFilterSchema,
  CreateAdminUserSchema,
  UpdateAdminUserSchema,
  type AdminUser,
  type AdminUserFilter,
  type CreateAdminUser,
  type UpdateAdminUser,
} from '../../dto/admin/admin-user.js';
import { adminUsers } from '../../schema/tables/admin/admin-user.js';
import { eqWhenSet } from '../_lib/filters.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { findByIdOf } from '../_lib/find-by-id.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { updateReturning } from '../_lib/update.js';
import { parseId, parseInput } from '../_lib/validate.js';

const ENTITY = 'AdminUser';

export type ListAdminUsersInput = ListInput<AdminUserFilter>;

// Checked on every back-office request (is this user staff, and enabled?).
const findByUserIdPrepared = preparedPerExecutor((db) =>
  db
    .select()
    .from(adminUsers)
    .where(eq(adminUsers.userId, sql.placeholder('userId')))
    .limit(1)
    .prepare('admin_users_find_by_user_id'),
);

const findById = findByIdOf(ENTITY, adminUsers, 'admin_users_find_by_id');

async function setDisabledAt(id: string, disabled: boolean): Promise<AdminUser> {
  const adminUserId = parseId(ENTITY, id);
  const [row] = await write((db) =>
    db
      .update(adminUsers)
      // coalesce: disabling twice keeps the time it was first disabled
      .set({ disabledAt: disabled ? sql`coalesce(${adminUsers.disabledAt}, now())` : null })
      .where(eq(adminUsers.id, adminUserId))
      .returning(),
  );
  return orNotFound(row, ENTITY, `id=${id}`);
}

/** Back-office accounts: a user plus a role; disabled rather than deleted to keep the audit trail attributable. */
export const AdminUserQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** The admin account of a user, enabled or not (check `disabledAt`); null when the user is not staff. */
  async findByUserId(userId: string): Promise<AdminUser | null> {
    const id = parseId(ENTITY, userId, 'userId');
    const rows = await read((db) => findByUserIdPrepared(db).execute({ userId: id }));
    return rows[0] ?? null;
  },

  /** Newest first, `limit` per page (default 50); pass `nextCursor` back for the next page. */
  async list(input: ListAdminUsersInput = {}): Promise<Page<AdminUser>> {
    const { limit, filter, position } = parseListInput(ENTITY, AdminUserFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(adminUsers)
        .where(
          and(
            eqWhenSet(adminUsers.roleId, filter.roleId),
            filter.active === undefined
              ? undefined
              : filter.active
                ? isNull(adminUsers.disabledAt)
                : isNotNull(adminUsers.disabledAt),
            afterCursor(adminUsers, position),
          ),
        )
        .orderBy(...newestFirst(adminUsers))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /** ConflictError if the user is already staff; ForeignKeyError for an unknown user or role. */
  async create(input: CreateAdminUser): Promise<AdminUser> {
    const values = parseInput(ENTITY, CreateAdminUserSchema, input);
    const [row] = await write((db) => db.insert(adminUsers).values(values).returning());
    return row!;
  },

  /** Changes the role. */
  async update(id: string, input: UpdateAdminUser): Promise<AdminUser> {
    const adminUserId = parseId(ENTITY, id);
    const values = parseInput(ENTITY, UpdateAdminUserSchema, input);
    const [row] = await write((db) => updateReturning(db, adminUsers, values, eq(adminUsers.id, adminUserId)));
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  /** Revokes access; idempotent (keeps the first `disabledAt`). */
  disable: (id: string) => setDisabledAt(id, true),

  enable: (id: string) => setDisabledAt(id, false),

  /** Removes the account; its audit entries stay, with `adminUserId` null. Prefer `disable`. */
  async delete(id: string): Promise<AdminUser> {
    const adminUserId = parseId(ENTITY, id);
    const [row] = await write((db) => db.delete(adminUsers).where(eq(adminUsers.id, adminUserId)).returning());
    return orNotFound(row, ENTITY, `id=${id}`);
  },
};
