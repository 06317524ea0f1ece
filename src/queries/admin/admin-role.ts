import { and, arrayContains, eq } from 'drizzle-orm';
import {
  AdminRoleFilterSchema,
  CreateAdminRoleSchema,
  UpdateAdminRoleSchema,
  type AdminRole,
  type AdminRoleFilter,
  type CreateAdminRole,
  type UpdateAdminRole,
} from '../../dto/admin/admin-role.js';
import { adminRoles } from '../../schema/tables/admin/admin-role.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { findByIdOf } from '../_lib/find-by-id.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { updateReturning } from '../_lib/update.js';
import { parseId, parseInput } from '../_lib/validate.js';

const ENTITY = 'AdminRole';

export type ListAdminRolesInput = ListInput<AdminRoleFilter>;

const findById = findByIdOf(ENTITY, adminRoles, 'admin_roles_find_by_id');

/** Staff roles. Platform-wide (not tenant-scoped): the back office sits above tenants. */
export const AdminRoleQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  async findByName(name: string): Promise<AdminRole | null> {
    const { name: roleName } = parseInput(ENTITY, CreateAdminRoleSchema.pick({ name: true }), { name });
    const rows = await read((db) => db.select().from(adminRoles).where(eq(adminRoles.name, roleName)).limit(1));
    return rows[0] ?? null;
  },

  /** Newest first, `limit` per page (default 50); pass `nextCursor` back for the next page. */
  async list(input: ListAdminRolesInput = {}): Promise<Page<AdminRole>> {
    const { limit, filter, position } = parseListInput(ENTITY, AdminRoleFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(adminRoles)
        .where(
          and(
            filter.permission === undefined ? undefined : arrayContains(adminRoles.permissions, [filter.permission]),
            afterCursor(adminRoles, position),
          ),
        )
        .orderBy(...newestFirst(adminRoles))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  async create(input: CreateAdminRole): Promise<AdminRole> {
    const values = parseInput(ENTITY, CreateAdminRoleSchema, input);
    const [row] = await write((db) => db.insert(adminRoles).values(values).returning());
    return row!;
  },

  async update(id: string, input: UpdateAdminRole): Promise<AdminRole> {
    const roleId = parseId(ENTITY, id);
    const values = parseInput(ENTITY, UpdateAdminRoleSchema, input);
    const [row] = await write((db) => updateReturning(db, adminRoles, values, eq(adminRoles.id, roleId)));
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  /** A role still held by an admin user is kept: ForeignKeyError (reassign or delete those admins first). */
  async delete(id: string): Promise<AdminRole> {
    const roleId = parseId(ENTITY, id);
    const [row] = await write((db) => db.delete(adminRoles).where(eq(adminRoles.id, roleId)).returning());
    return orNotFound(row, ENTITY, `id=${id}`);
  },
};
