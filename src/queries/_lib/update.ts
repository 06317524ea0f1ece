import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Executor } from '../../client/types.js';
import { columnSetKey, preparedPerExecutor, preparedPerShape } from './prepared.js';

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

type UpdateRow<T extends PgTable> = T['$inferSelect'];

/**
 * `updateReturning` prepared per executor and per set of columns the input sets (null as part of the statement,
 * each other value a placeholder its column maps, under `set_<column>` so it never meets a `where` placeholder).
 * `where` names its own placeholders (`sql.param(sql.placeholder(name), column)`), filled from `params` on each call.
 */
export function preparedUpdateOf<T extends PgTable>(table: T, statement: string, where: SQL) {
  const columns = Object.keys(getTableColumns(table));
  // Drizzle's built update sets an `$onUpdateFn` column the input leaves out; prepared, it must be called per update.
  const onUpdate = Object.entries(getTableColumns(table)).filter(
    ([, column]) => column.onUpdateFn !== undefined && !is(column.onUpdateFn(), SQL),
  );
  const update = preparedPerShape(
    (set: Record<string, unknown>) => columnSetKey(columns, set),
    (set, key) => (db: Executor) =>
      db
        .update(table)
        .set(
          Object.fromEntries(
            Object.keys(set).map((name) => [name, set[name] === null ? null : sql.placeholder(`set_${name}`)]),
          ) as PgUpdateSetSource<T>,
        )
        .where(where)
        .returning()
        .prepare(`${statement}_${key}`),
  );
  const unchanged = preparedPerExecutor((db) =>
    db
      .select()
      .from(table as PgTable)
      .where(where)
      .prepare(`${statement}_unchanged`),
  );
  return async (db: Executor, values: PgUpdateSetSource<T>, params: Record<string, unknown>) => {
    const set: Record<string, unknown> = {};
    const filled: Record<string, unknown> = { ...params };
    for (const name of columns) {
      const value = (values as Record<string, unknown>)[name];
      if (value === undefined) continue;
      set[name] = value;
      filled[`set_${name}`] = value;
    }
    if (Object.keys(set).length > 0) {
      for (const [name, column] of onUpdate) {
        if (name in set) continue;
        set[name] = column.onUpdateFn!();
        filled[`set_${name}`] = set[name];
      }
    }
    const rows = Object.keys(set).length > 0 ? update(set, db).execute(filled) : unchanged(db).execute(params);
    return (await rows) as UpdateRow<T>[];
  };
}
