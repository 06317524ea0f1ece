import { and, eq, inArray, lt } from 'drizzle-orm';
import {
  AdminAuditLogFilterSchema,
  LogAdminActionSchema,
  type AdminAuditEntry,
  type AdminAuditLogFilter,
  type LogAdminAction,
} from '../../dto/admin/admin-audit-log.js';
import { adminAuditLog } from '../../schema/tables/admin/admin-audit-log.js';
import { driverError } from '../../errors/sqlstate.js';
import { eqEachSet } from '../_lib/filters.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { getByIdFrom } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { parseCutoff, parseId, parseInput } from '../_lib/validate.js';
import { deleteInBatches } from '../system/delete-in-batches.js';

const ENTITY = 'AdminAuditEntry';

export type ListAdminAuditLogInput = ListInput<AdminAuditLogFilter>;

async function findById(id: string): Promise<AdminAuditEntry | null> {
  const entryId = parseId(ENTITY, id);
  const rows = await read((db) => db.select().from(adminAuditLog).where(eq(adminAuditLog.id, entryId)).limit(1));
  return rows[0] ?? null;
}

/** One line for the operator: what failed, never the values (an audit entry may carry personal data). */
function describeFailure(error: unknown): string {
  const pg = driverError(error);
  if (pg)
    return `SQLSTATE ${pg.code}${(pg.constraint_name ?? pg.constraint) ? ` (${pg.constraint_name ?? pg.constraint})` : ''}`;
  if (error instanceof Error) return error.name;
  return 'unknown error';
}

/** The staff audit trail. Append-only: entries are written by `log` and removed only by age (`pruneAuditEvents`). */
export const AdminAuditLogQueries = {
  /**
   * Records an admin action. Never throws: an audit write must not fail the operation it describes, so a failure
   * (bad input, database error) is reported on console.error without the entry's values, and `null` returned.
   * Inside a transaction it runs in a savepoint, so a failed write leaves the caller's transaction usable; the
   * entry commits or rolls back with that transaction.
   */
  async log(entry: LogAdminAction): Promise<AdminAuditEntry | null> {
    try {
      const values = parseInput(ENTITY, LogAdminActionSchema, entry);
      const [row] = await write((db) => db.insert(adminAuditLog).values(values).returning());
      return row ?? null;
    } catch (error) {
      console.error(`admin audit log: entry not written: ${describeFailure(error)}`);
      return null;
    }
  },

  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** Newest first, filtered by admin user, subject (type, optionally id) or action; keyset pages. */
  async list(input: ListAdminAuditLogInput = {}): Promise<Page<AdminAuditEntry>> {
    const { limit, filter, position } = parseListInput(ENTITY, AdminAuditLogFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(adminAuditLog)
        .where(and(...eqEachSet(adminAuditLog, filter), afterCursor(adminAuditLog, position)))
        .orderBy(...newestFirst(adminAuditLog))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /** Deletes entries created before `olderThan`, in batches; returns how many. Driven by retention_settings. */
  async pruneAuditEvents(olderThan: Date): Promise<number> {
    const cutoff = parseCutoff(ENTITY, olderThan);
    return deleteInBatches((db, limit) =>
      db
        .delete(adminAuditLog)
        .where(
          inArray(
            adminAuditLog.id,
            db
              .select({ id: adminAuditLog.id })
              .from(adminAuditLog)
              .where(lt(adminAuditLog.createdAt, cutoff))
              .limit(limit),
          ),
        )
        .returning({ id: adminAuditLog.id }),
    );
  },
};
