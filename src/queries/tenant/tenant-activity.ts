import { and, eq, lt } from 'drizzle-orm';
import {
  CreateTenantActivitySchema,
  TenantActivityFilterSchema,
  type CreateTenantActivity,
  type TenantActivity,
  type TenantActivityFilter,
} from '../../dto/tenant/tenant-activity.js';
import { tenantRouter } from '../../client/executor.js';
import type { Executor } from '../../client/types.js';
import { DatabaseError } from '../../errors/classes.js';
import { tenantActivity, tenantActivityTenantData } from '../../schema/tables/tenant/tenant-activity.js';
import type { TenantScope } from '../../scope/tenant.js';
import { toDatabaseError } from '../../errors/sqlstate.js';
import { eqEachSet } from '../_lib/filters.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { findByIdInTenantOf } from '../_lib/find-by-id.js';
import { getByIdFrom } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { checkControlReferences } from '../_lib/control-references.js';
import { parseCutoff, parseInput, resolveTenantId } from '../_lib/validate.js';

const ENTITY = 'TenantActivity';

export type ListTenantActivityInput = ListInput<TenantActivityFilter>;

export type LogTenantActivity = CreateTenantActivity & TenantScope;

const findById = findByIdInTenantOf(ENTITY, tenantActivity, 'tenant_activity_find_by_id');

/** What may be printed about a failed log write: error class, code and constraint, never parameter values. */
function describeFailure(error: unknown): string {
  const mapped = toDatabaseError(error);
  if (mapped instanceof DatabaseError) {
    const constraint = (mapped as { constraint?: string }).constraint;
    return `${mapped.name} (${mapped.code}${constraint ? `, ${constraint}` : ''})`;
  }
  return mapped instanceof Error ? mapped.name : typeof mapped;
}

export const TenantActivityQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /**
   * Records an activity entry and NEVER throws: activity is a side record, and losing one entry must not fail the
   * operation that logs it. On failure it reports to console.error (no values) and returns null. Inside a
   * transaction the insert runs in a savepoint, so a failed insert does not abort the caller's transaction either.
   * The tenant is `input.tenantId`, else the ambient one of `withTenant`.
   */
  async log(input: LogTenantActivity): Promise<TenantActivity | null> {
    try {
      // `?? {}`: a null entry from untyped code is reported as a ValidationError, not a TypeError.
      const { tenantId: explicit, ...entry } = (input as LogTenantActivity | null) ?? {};
      const tenantId = resolveTenantId(ENTITY, { tenantId: explicit });
      const values = parseInput(ENTITY, CreateTenantActivitySchema, entry);
      await checkControlReferences(tenantActivityTenantData, [values], tenantId);
      const [row] = await write(
        (db) =>
          db
            .insert(tenantActivity)
            .values({ ...values, tenantId })
            .returning(),
        tenantId,
      );
      return row ?? null;
    } catch (error) {
      console.error(`TenantActivityQueries.log: entry dropped: ${describeFailure(error)}`);
      return null;
    }
  },

  /** Newest first, `limit` per page (default 50); pass `nextCursor` back for the next page. */
  async list(input: ListTenantActivityInput = {}, options?: TenantScope): Promise<Page<TenantActivity>> {
    const tenantId = resolveTenantId(ENTITY, options);
    const { limit, filter, position } = parseListInput(ENTITY, TenantActivityFilterSchema, input);
    const rows = await read(
      (db) =>
        db
          .select()
          .from(tenantActivity)
          .where(
            and(
              eq(tenantActivity.tenantId, tenantId),
              ...eqEachSet(tenantActivity, filter),
              afterCursor(tenantActivity, position),
            ),
          )
          .orderBy(...newestFirst(tenantActivity))
          .limit(limit + 1),
      tenantId,
    );
    return toPage(rows, limit);
  },

  /**
   * Deletes entries created before `olderThan`, in every tenant (the retention job, see
   * retention_settings.audit_events): in the shared database and, with tenant databases, in each placed one.
   */
  async pruneOlderThan(olderThan: Date): Promise<number> {
    const cutoff = parseCutoff(ENTITY, olderThan);
    const prune = (db: Executor) =>
      db.delete(tenantActivity).where(lt(tenantActivity.createdAt, cutoff)).returning({ id: tenantActivity.id });
    let deleted = (await write(prune)).length;
    await tenantRouter()?.eachPlacedDatabase(async (db) => {
      try {
        deleted += (await prune(db)).length;
      } catch (error) {
        throw toDatabaseError(error);
      }
    });
    return deleted;
  },
};
