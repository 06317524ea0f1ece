import { and, eq, sql } from 'drizzle-orm';
import { tenantRouter } from '../../client/executor.js';
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
import { copyMember, uncopyMember } from './member-copy.js';

// Memberships of the scoped tenant, keyed by user. The last-owner rule is the database's
// (trigger tenant_members_keep_last_owner): changeRole/remove surface it as a CheckViolationError.
// With tenant databases, a placed tenant's database holds a copy of its memberships for RLS there
// (./member-copy.ts): add and changeRole copy the row after the control write, remove deletes the copy first, so a
// failed second step leaves less access, never more. Inside a transaction on the control database the copy is
// refused (CrossDatabaseTransactionError): change a placed tenant's members outside one.

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
    await copyMember(row!);
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
    const member = orNotFound(row, ENTITY, `userId=${userId}`);
    await copyMember(member);
    return member;
  },

  /** CheckViolationError (tenant_members_keep_last_owner) when it would remove the tenant's last owner. */
  async remove(userId: string, options?: TenantScope): Promise<TenantMember> {
    const tenantId = resolveTenantId(ENTITY, options);
    const memberId = parseId(ENTITY, userId, 'userId');
    await uncopyMember(tenantId, memberId);
    try {
      const [row] = await write((db) => db.delete(tenantMembers).where(byUser(tenantId, memberId)).returning());
      return orNotFound(row, ENTITY, `userId=${userId}`);
    } catch (error) {
      // Control kept the membership (its last owner, say): put the copy back as control has it, if that works.
      const kept = tenantRouter() ? await findByUserId(memberId, { tenantId }).catch(() => null) : null;
      if (kept) await copyMember(kept).catch(() => undefined);
      throw error;
    }
  },
};
