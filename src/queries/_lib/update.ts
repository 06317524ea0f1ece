import type { SQL } from 'drizzle-orm';
import type { PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Executor } from '../../client/types.js';

/**
 * `update … set values where … returning *`, or, when the parsed input sets nothing, the same rows read unchanged.
 * "Nothing" includes fields given as `undefined`: Drizzle drops those from the SET, and throws a plain
 * `Error('No values to set')` when none are left.
 */
export function updateReturning<TTable extends PgTable>(
  db: Executor,
  table: TTable,
  values: PgUpdateSetSource<TTable>,
  where: SQL | undefined,
): Promise<TTable['$inferSelect'][]> {
  const setsAnything = Object.values(values).some((value) => value !== undefined);
  return (
    setsAnything
      ? db.update(table).set(values).where(where).returning()
      : db
          .select()
          .from(table as PgTable)
          .where(where)
  ) as Promise<TTable['$inferSelect'][]>;
}
