import { eq, type Column, type GetColumnData, type SQL } from 'drizzle-orm';

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
