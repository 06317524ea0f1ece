import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import { databaseKeyOf, SHARED_DATABASE, tenantRouter } from '../../client/executor.js';
import {
  CreateTenantSchema,
  TenantFilterSchema,
  UpdateTenantSchema,
  type CreateTenant,
  type Tenant,
  type TenantFilter,
  type UpdateTenant,
} from '../../dto/tenant/tenant.js';
import type { TenantMember } from '../../dto/tenant/tenant-member.js';
import { tenantMembers, type TenantRole } from '../../schema/tables/tenant/tenant-member.js';
import { tenants } from '../../schema/tables/tenant/tenant.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { updateReturning } from '../_lib/update.js';
import { liveRows, type SoftDeleteOptions } from '../_lib/soft-delete.js';
import { parseId, parseInput } from '../_lib/validate.js';
import { atomically } from '../_lib/atomically.js';

// Tenants are the scope itself, so this object is not tenant-scoped; authorization is the caller's job.

const ENTITY = 'Tenant';

export type ListTenantsInput = ListInput<TenantFilter>;

export type TenantWithRole = Tenant & { role: TenantRole };

const findLiveById = preparedPerExecutor((db) =>
  db
    .select()
    .from(tenants)
    .where(and(eq(tenants.id, sql.placeholder('id')), liveRows(tenants)))
    .limit(1)
    .prepare('tenants_find_live_by_id'),
);

async function findById(id: string, options?: SoftDeleteOptions): Promise<Tenant | null> {
  const tenantId = parseId(ENTITY, id);
  const rows = await read((db) =>
    options?.withDeleted
      ? db.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1)
      : findLiveById(db).execute({ id: tenantId }),
  );
  return rows[0] ?? null;
}

/** `%`, `_` and `\` in user input match themselves, not as wildcards. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const TenantQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  async findBySlug(slug: string, options?: SoftDeleteOptions): Promise<Tenant | null> {
    const value = parseInput(ENTITY, CreateTenantSchema.shape.slug, slug);
    const rows = await read((db) =>
      db
        .select()
        .from(tenants)
        .where(and(eq(tenants.slug, value), liveRows(tenants, options)))
        .limit(1),
    );
    return rows[0] ?? null;
  },

  /** Newest first, `limit` per page (default 50); pass `nextCursor` back for the next page. */
  async list(input: ListTenantsInput = {}, options?: SoftDeleteOptions): Promise<Page<Tenant>> {
    const { limit, filter, position } = parseListInput(ENTITY, TenantFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(tenants)
        .where(
          and(
            liveRows(tenants, options),
            filter.nameContains === undefined ? undefined : ilike(tenants.name, `%${likeEscape(filter.nameContains)}%`),
            afterCursor(tenants, position),
          ),
        )
        .orderBy(...newestFirst(tenants))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /** The live tenants `userId` belongs to, with their role there, by name. */
  async listForUser(userId: string): Promise<TenantWithRole[]> {
    const memberId = parseId(ENTITY, userId, 'userId');
    const rows = await read((db) =>
      db
        .select({ tenant: tenants, role: tenantMembers.role })
        .from(tenantMembers)
        .innerJoin(tenants, eq(tenants.id, tenantMembers.tenantId))
        .where(and(eq(tenantMembers.userId, memberId), liveRows(tenants)))
        .orderBy(asc(tenants.name), asc(tenants.id)),
    );
    return rows.map(({ tenant, role }) => ({ ...tenant, role }));
  },

  /** Creates the tenant and makes `ownerUserId` its owner, both or neither (a tenant never exists without an owner). */
  async createWithOwner(input: CreateTenant, ownerUserId: string): Promise<{ tenant: Tenant; owner: TenantMember }> {
    const values = parseInput(ENTITY, CreateTenantSchema, input);
    const userId = parseId(ENTITY, ownerUserId, 'ownerUserId');
    return atomically(async (tx) => {
      const [tenant] = await tx.insert(tenants).values(values).returning();
      const [owner] = await tx
        .insert(tenantMembers)
        .values({ tenantId: tenant!.id, userId, role: 'owner' })
        .returning();
      return { tenant: tenant!, owner: owner! };
    });
  },

  async update(id: string, input: UpdateTenant): Promise<Tenant> {
    const tenantId = parseId(ENTITY, id);
    const values = parseInput(ENTITY, UpdateTenantSchema, input);
    const [row] = await write((db) =>
      updateReturning(db, tenants, values, and(eq(tenants.id, tenantId), liveRows(tenants))),
    );
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  /** Hides the tenant from every read (its members, invites and data stay); `restore` brings it back. */
  async softDelete(id: string): Promise<Tenant> {
    const tenantId = parseId(ENTITY, id);
    const [row] = await write((db) =>
      db
        .update(tenants)
        .set({ deletedAt: sql`now()` })
        .where(and(eq(tenants.id, tenantId), liveRows(tenants)))
        .returning(),
    );
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  async restore(id: string): Promise<Tenant> {
    const tenantId = parseId(ENTITY, id);
    const [row] = await write((db) =>
      db
        .update(tenants)
        .set({ deletedAt: null })
        .where(and(eq(tenants.id, tenantId), sql`${tenants.deletedAt} is not null`))
        .returning(),
    );
    return orNotFound(row, ENTITY, `deleted tenant id=${id}`);
  },

  /** Removes the tenant for good, and with it (cascade) its members, invites, activity and every tenant row. */
  async delete(id: string): Promise<Tenant> {
    const tenantId = parseId(ENTITY, id);
    await deleteTenantCopy(tenantId);
    const [row] = await write((db) => db.delete(tenants).where(eq(tenants.id, tenantId)).returning());
    return orNotFound(row, ENTITY, `id=${id}`);
  },
};

/**
 * A placed tenant's data in its own database goes first: deleting the tenant's copy there cascades, as the tenant_id
 * foreign keys do in the shared database. Nothing for a shared tenant or without tenant databases.
 */
async function deleteTenantCopy(tenantId: string): Promise<void> {
  if (!tenantRouter()) return;
  await write(async (db) => {
    if (databaseKeyOf(db) !== SHARED_DATABASE) await db.delete(tenants).where(eq(tenants.id, tenantId));
  }, tenantId);
}
