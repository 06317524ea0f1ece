import { and, eq, sql } from 'drizzle-orm';
import {
  CreateTenantMemberSchema,
  TenantMemberFilterSchema,
  UpdateTenantMemberSchema,
  type TenantMember,
  type TenantMemberFilter,
} from '../../dto/tenant/tenant-member.js';
import { tenantMembers, type TenantRole } from '../../schema/tables/tenant/tenant-member.js';
import type { TenantScope } from '../../scope/tenant.js';
import { eqEachSet } from '../_lib/filters.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput, resolveTenantId } from '../_lib/validate.js';

// Memberships of the scoped tenant, keyed by user. The last-owner rule is the database's
// (trigger tenant_members_keep_last_owner): changeRole/remove surface it as a CheckViolationError.

const ENTITY = 'TenantMember';

export type ListTenantMembersInput = ListInput<TenantMemberFilter>;

/** The keyset helpers page on (created_at, id); a membership's id is its user. */
const position = { createdAt: tenantMembers.createdAt, id: tenantMembers.userId };

const byUser = (tenantId: string, userId: string) =>
  and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, userId));

// The membership check of every tenant-scoped request: prepared once per executor, values mapped by their columns.
const findMember = preparedPerExecutor((db) =>
  db
    .select()
    .from(tenantMembers)
    .where(
      and(
        eq(tenantMembers.tenantId, sql.param(sql.placeholder('tenantId'), tenantMembers.tenantId)),
        eq(tenantMembers.userId, sql.param(sql.placeholder('userId'), tenantMembers.userId)),
      ),
    )
    .limit(1)
    .prepare('tenant_members_find_by_user_id'),
);

/** A member is keyed by its user within the tenant scope, hence ByUserId rather than ById. */
async function findByUserId(userId: string, options?: TenantScope): Promise<TenantMember | null> {
  const tenantId = resolveTenantId(ENTITY, options);
  const memberId = parseId(ENTITY, userId, 'userId');
  const rows = await read((db) => findMember(db).execute({ tenantId, userId: memberId }));
  return rows[0] ?? null;
}

export const TenantMemberQueries = {
  findByUserId,

  async getByUserId(userId: string, options?: TenantScope): Promise<TenantMember> {
    return orNotFound(await findByUserId(userId, options), ENTITY, `userId=${userId}`);
  },

  /** Newest members first, `limit` per page (default 50); pass `nextCursor` back for the next page. */
  async list(input: ListTenantMembersInput = {}, options?: TenantScope): Promise<Page<TenantMember>> {
    const tenantId = resolveTenantId(ENTITY, options);
    const { limit, filter, position: after } = parseListInput(ENTITY, TenantMemberFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(tenantMembers)
        .where(
          and(eq(tenantMembers.tenantId, tenantId), ...eqEachSet(tenantMembers, filter), afterCursor(position, after)),
        )
        .orderBy(...newestFirst(position))
        .limit(limit + 1),
    );
    return toPage(rows, limit, (member) => ({ createdAt: member.createdAt, id: member.userId }));
  },

  /** ConflictError if the user is already a member, ForeignKeyError if the user does not exist. */
  async add(userId: string, role: TenantRole = 'member', options?: TenantScope): Promise<TenantMember> {
    const tenantId = resolveTenantId(ENTITY, options);
    const values = parseInput(ENTITY, CreateTenantMemberSchema, { userId, role });
    const [row] = await write((db) =>
      db
        .insert(tenantMembers)
        .values({ ...values, tenantId })
        .returning(),
    );
    return row!;
  },

  /** CheckViolationError (tenant_members_keep_last_owner) when it would demote the tenant's last owner. */
  async changeRole(userId: string, role: TenantRole, options?: TenantScope): Promise<TenantMember> {
    const tenantId = resolveTenantId(ENTITY, options);
    const memberId = parseId(ENTITY, userId, 'userId');
    const values = parseInput(ENTITY, UpdateTenantMemberSchema, { role });
    const [row] = await write((db) =>
      db.update(tenantMembers).set(values).where(byUser(tenantId, memberId)).returning(),
    );
    return orNotFound(row, ENTITY, `userId=${userId}`);
  },

  /** CheckViolationError (tenant_members_keep_last_owner) when it would remove the tenant's last owner. */
  async remove(userId: string, options?: TenantScope): Promise<TenantMember> {
    const tenantId = resolveTenantId(ENTITY, options);
    const memberId = parseId(ENTITY, userId, 'userId');
    const [row] = await write((db) => db.delete(tenantMembers).where(byUser(tenantId, memberId)).returning());
    return orNotFound(row, ENTITY, `userId=${userId}`);
  },
};
