import { getTableColumns, is, SQL, sql, type Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../client/types.js';
import { columnSetKey, preparedPerShape } from './prepared.js';

type Row<T extends PgTable> = T['$inferSelect'];
type Values<T extends PgTable> = T['$inferInsert'];

/**
 * The columns whose value Drizzle's insert generates in JS when a row leaves them out (`$defaultFn`, or `$onUpdateFn`
 * without a database default), as Drizzle chooses; one returning SQL is a constant part of the statement instead.
 */
export function generatedColumns(columns: [string, Column][]): [string, Column][] {
  return columns.filter(([, column]) => {
    const fn = column.defaultFn ?? (column.default === undefined ? column.onUpdateFn : undefined);
    return fn !== undefined && !is(fn(), SQL);
  });
}

/** A generated column's value for one row. */
export function generate(column: Column): unknown {
  return (column.defaultFn ?? column.onUpdateFn)!();
}

/**
 * `insert into <table> (...) values (...) returning *`, prepared once per set of columns the caller sets and per
 * executor. Each value is a placeholder the column maps as Drizzle maps a bound value. A column the caller leaves
 * out keeps what Drizzle does when building: the database default (`default`), or its `$defaultFn`, which is called
 * on every insert (a fresh UUIDv7 id each time), unless it returns SQL, which is part of the statement.
 */
export function preparedInsertOf<T extends PgTable>(table: T, statement: string) {
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>);
  const generated = generatedColumns(columns);
  const names = columns.map(([name]) => name);
  // A null is part of the statement, not a placeholder: Drizzle maps a placeholder's value without its null check.
  const insert = preparedPerShape(
    (given: Record<string, unknown>) => columnSetKey(names, given),
    (given, key) => (db: Executor) =>
      db
        .insert(table)
        .values(
          // Placeholders, not values: no row type describes them, and 0.45 and 1.0 type values() of a generic table
          // differently (test/slow/drizzle-1.test.ts type-checks both).
          Object.fromEntries(
            Object.keys(given).map((name) => [name, given[name] === null ? null : sql.placeholder(name)]),
          ) as never,
        )
        .returning()
        .prepare(`${statement}_${key}`),
  );
  return async (db: Executor, values: Values<T>): Promise<Row<T>> => {
    const given = values as Record<string, unknown>;
    const filled: Record<string, unknown> = {};
    for (const [name] of columns) if (given[name] !== undefined) filled[name] = given[name];
    for (const [name, column] of generated) {
      if (filled[name] === undefined) filled[name] = generate(column);
    }
    const [row] = (await insert(filled, db).execute(filled)) as Row<T>[];
    return row!;
  };
}
