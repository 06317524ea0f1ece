import { getTableColumns, sql, type Column, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../client/types.js';
import { generate, generatedColumns } from './insert.js';

type Values<T extends PgTable> = T['$inferInsert'];

/**
 * The array as PostgreSQL's text literal, sent as one text parameter and cast by the server: postgres.js and PGlite
 * each infer an array parameter's type their own way (postgres.js from its first element), this is the same on both.
 */
function arrayLiteral(values: unknown[]): string {
  const quote = (value: unknown) => `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${values.map((value) => (value === null ? 'NULL' : quote(value))).join(',')}}`;
}

/**
 * Inserts validated rows with one `insert into <table> (...) select * from unnest($1::<type>[], ...)` per chunk: one
 * array parameter per column, so the statement costs the same at 10 rows or 5,000 and Drizzle's builder never runs
 * per row. Rows are grouped by the columns they set, so a column a row leaves out keeps its database default; a
 * `$defaultFn` (the UUIDv7 id) is called per row, as Drizzle's insert does. Each value is mapped by its column.
 */
export function insertManyOf<T extends PgTable>(table: T) {
  const columns = getTableColumns(table) as Record<string, Column>;
  const generated = generatedColumns(Object.entries(columns));

  function statement(names: string[], rows: Record<string, unknown>[]): SQL {
    const arrays = names.map((name) => {
      const column = columns[name]!;
      const values = rows.map((row) => (row[name] === null ? null : column.mapToDriverValue(row[name])));
      return sql`${arrayLiteral(values)}::text::${sql.raw(column.getSQLType())}[]`;
    });
    const list = sql.join(
      names.map((name) => sql.identifier(columns[name]!.name)),
      sql`, `,
    );
    return sql`insert into ${table} (${list}) select * from unnest(${sql.join(arrays, sql`, `)})`;
  }

  return async (db: Executor, rows: readonly Values<T>[], chunkSize: number): Promise<void> => {
    const groups = new Map<string, { names: string[]; rows: Record<string, unknown>[] }>();
    for (const input of rows) {
      const row: Record<string, unknown> = {};
      for (const name in columns) {
        const value = (input as Record<string, unknown>)[name];
        if (value !== undefined) row[name] = value;
      }
      for (const [name, column] of generated) {
        if (row[name] === undefined) row[name] = generate(column);
      }
      const names = Object.keys(row);
      const key = names.join(',');
      const group = groups.get(key) ?? { names, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
    for (const { names, rows: grouped } of groups.values()) {
      for (let start = 0; start < grouped.length; start += chunkSize) {
        await db.execute(statement(names, grouped.slice(start, start + chunkSize)));
      }
    }
  };
}
