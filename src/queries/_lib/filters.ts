import { eq, getTableColumns, type Column, type GetColumnData, type SQL, type Table } from 'drizzle-orm';

/**
 * `column = value` when a list filter sets `value`, else no condition (`and()` drops `undefined`). `null` is a value
 * here: the filter DTOs decide whether a filter may be null.
 */
export function eqWhenSet<TColumn extends Column>(
  column: TColumn,
  value: GetColumnData<TColumn, 'raw'> | undefined,
): SQL | undefined {
  return value === undefined ? undefined : eq(column, value);
}

type Columns<T extends Table> = T['_']['columns'];
type ColumnFilter<T extends Table> = { [K in keyof Columns<T>]?: GetColumnData<Columns<T>[K], 'raw'> };

/**
 * `eqWhenSet` for every field of a list filter whose fields are named after the table's columns (`{ status }` is
 * `status = $1` when set): a field added to the filter DTO is applied without another line here.
 */
export function eqEachSet<T extends Table, F extends ColumnFilter<T>>(
  table: T,
  filter: F & Record<Exclude<keyof F, keyof Columns<T>>, never>,
): (SQL | undefined)[] {
  const columns = getTableColumns(table) as Record<string, Column>;
  return Object.entries(filter).map(([field, value]) => eqWhenSet(columns[field]!, value as never));
}
