import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import {
  CreateTenantInviteSchema,
  TenantInviteTokenSchema,
  UpdateTenantInviteSchema,
  type CreateTenantInvite,
  type TenantInvite,
  type UpdateTenantInvite,
} from '../../dto/tenant/tenant-invite.js';
import type { TenantMember } from '../../dto/tenant/tenant-member.js';
import { tenantInvites } from '../../schema/tables/tenant/tenant-invite.js';
import { tenantMembers } from '../../schema/tables/tenant/tenant-member.js';
import { tenants } from '../../schema/tables/tenant/tenant.js';
import type { TenantScope } from '../../scope/tenant.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { findByIdInTenantOf } from '../_lib/find-by-id.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parsePage, type PageRequest } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { parseCutoff, parseId, parseInput, resolveTenantId } from '../_lib/validate.js';
import { atomically } from '../_lib/atomically.js';
import { InviteNotAcceptableError } from './errors.js';
import { copyMember } from './member-copy.js';

const ENTITY = 'TenantInvite';

/** Only the hash is stored; the token itself exists once, in the return value of `create`. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Literals, not parameters: a partial index (`where status = 'pending'`) only serves a query whose condition the
// planner can match at plan time, which a generic plan's `$1` is not.
const pending = sql`${tenantInvites.status} = 'pending'`;
const terminal = sql`${tenantInvites.status} <> 'pending'`;

const findById = findByIdInTenantOf(ENTITY, tenantInvites, 'tenant_invites_find_by_id');

/** A pending invite of the tenant, changed by `set`; NotFoundError if it is not (or no longer) pending. */
async function changePending(id: string, set: Partial<typeof tenantInvites.$inferInsert>, options?: TenantScope) {
  const tenantId = resolveTenantId(ENTITY, options);
  const inviteId = parseId(ENTITY, id);
  const [row] = await write((db) =>
    db
      .update(tenantInvites)
      .set(set)
      .where(and(eq(tenantInvites.id, inviteId), eq(tenantInvites.tenantId, tenantId), pending))
      .returning(),
  );
  return orNotFound(row, ENTITY, `pending id=${id}`);
}

export const TenantInviteQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** Invites that can still be accepted (pending, not past expiry), newest first; pass `nextCursor` back. */
  async listPending(input: PageRequest = {}, options?: TenantScope): Promise<Page<TenantInvite>> {
    const tenantId = resolveTenantId(ENTITY, options);
    const { limit, position } = parsePage(ENTITY, { limit: input.limit, cursor: input.cursor });
    const rows = await read((db) =>
      db
        .select()
        .from(tenantInvites)
        .where(
          and(
            eq(tenantInvites.tenantId, tenantId),
            pending,
            gt(tenantInvites.expiresAt, sql`now()`),
            afterCursor(tenantInvites, position),
          ),
        )
        .orderBy(...newestFirst(tenantInvites))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /**
   * Creates a pending invite and returns it with its token: 32 random bytes, base64url. Send the token to the
   * invitee now; it is not stored (only its sha256) and cannot be read back. ConflictError if the address already has
   * a pending invite to this tenant.
   */
  async create(input: CreateTenantInvite, options?: TenantScope): Promise<{ invite: TenantInvite; token: string }> {
    const tenantId = resolveTenantId(ENTITY, options);
    const { expiresInDays, ...values } = parseInput(ENTITY, CreateTenantInviteSchema, input);
    const token = randomBytes(32).toString('base64url');
    const [invite] = await write((db) =>
      db
        .insert(tenantInvites)
        .values({
          ...values,
          tenantId,
          tokenHash: hashToken(token),
          // The database clock, like created_at, so the expiry check compares like with like.
          expiresAt: sql`now() + make_interval(days => ${expiresInDays}::int)`,
        })
        .returning(),
    );
    return { invite: invite!, token };
  },

  async update(id: string, input: UpdateTenantInvite, options?: TenantScope): Promise<TenantInvite> {
    const values = parseInput(ENTITY, UpdateTenantInviteSchema, input);
    return changePending(id, values, options);
  },

  async revoke(id: string, options?: TenantScope): Promise<TenantInvite> {
    return changePending(id, { status: 'revoked' }, options);
  },

  /**
   * Accepts the invite of `token` for `userId`, once: the invite turns accepted and the membership appears in one
   * transaction. The conditional UPDATE is the gate: of two concurrent accepts, the second waits on the row lock and
   * then finds it no longer pending. InviteNotAcceptableError for an unknown, used, revoked or expired token.
   * Not tenant-scoped: the token names the tenant (which must not be soft-deleted). A user who is already a member
   * keeps their current role. Whether the accepting user's email must match the invite's is the caller's policy.
   * A placed tenant's copy of its memberships gets the member after the commit (./member-copy.ts).
   */
  async accept(token: string, userId: string): Promise<{ invite: TenantInvite; member: TenantMember }> {
    const tokenHash = hashToken(parseInput(ENTITY, TenantInviteTokenSchema, token));
    const memberId = parseId(ENTITY, userId, 'userId');
    const accepted = await atomically(async (tx) => {
      const [invite] = await tx
        .update(tenantInvites)
        .set({ status: 'accepted', acceptedAt: sql`now()` })
        .where(
          and(
            eq(tenantInvites.tokenHash, tokenHash),
            pending,
            gt(tenantInvites.expiresAt, sql`now()`),
            // A soft-deleted tenant takes no new members; its invites wait for a restore.
            sql`exists (select 1 from ${tenants} where ${tenants.id} = ${tenantInvites.tenantId} and ${tenants.deletedAt} is null)`,
          ),
        )
        .returning();
      if (!invite) throw new InviteNotAcceptableError();
      await tx
        .insert(tenantMembers)
        .values({ tenantId: invite.tenantId, userId: memberId, role: invite.role })
        .onConflictDoNothing({ target: [tenantMembers.tenantId, tenantMembers.userId] });
      const [member] = await tx
        .select()
        .from(tenantMembers)
        .where(and(eq(tenantMembers.tenantId, invite.tenantId), eq(tenantMembers.userId, memberId)));
      return { invite, member: member! };
    });
    await copyMember(accepted.member);
    return accepted;
  },

  /** Marks every pending invite past its expiry as expired (all tenants: a maintenance job). Returns how many. */
  async expireOverdue(): Promise<number> {
    const rows = await write((db) =>
      db
        .update(tenantInvites)
        .set({ status: 'expired' })
        .where(and(pending, lt(tenantInvites.expiresAt, sql`now()`)))
        .returning({ id: tenantInvites.id }),
    );
    return rows.length;
  },

  /**
   * Deletes accepted, revoked and expired invites whose last change is older than `olderThan` (all tenants: the
   * retention job, see retention_settings.invitations). Pending invites are never pruned. Returns how many.
   */
  async pruneTerminal(olderThan: Date): Promise<number> {
    const cutoff = parseCutoff(ENTITY, olderThan);
    const rows = await write((db) =>
      db
        .delete(tenantInvites)
        .where(and(terminal, lt(tenantInvites.updatedAt, cutoff)))
        .returning({ id: tenantInvites.id }),
    );
    return rows.length;
  },
};
