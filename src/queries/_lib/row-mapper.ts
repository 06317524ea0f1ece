import { Column, is } from 'drizzle-orm';
import * as pgCore from 'drizzle-orm/pg-core';

// Drizzle 0.45's prepared-query class, whose rows this maps. Drizzle 1.0 has none of that name: its
// PgAsyncPreparedQuery maps rows as this does (a decoder per position, resolved when the query is prepared), compiled
// to one function with `drizzle({ jit: true })`, which scripts/upgrade-drizzle-1.ts turns on; so on 1.0 this leaves
// every query as it is (test/queries/row-mapper.test.ts checks the mapper on both).
const PgPreparedQuery = (pgCore as Record<string, unknown>)['PgPreparedQuery'] as Parameters<typeof is>[1] | undefined;

interface SelectedField {
  path: string[];
  field: unknown;
}

/** The parts of Drizzle's prepared query this reads and sets (constructor state, not in its public types). */
interface PreparedInternals {
  fields?: SelectedField[];
  customResultMapper?: (rows: unknown[][]) => unknown;
}

/**
 * Drizzle maps every row of a prepared query with `mapResultRow`, which per cell runs a `reduce` step, an `is()`
 * class check and a `path.entries()` iterator: the top frame of `TodoQueries.list`'s profile after the driver
 * (docs/performance.md). For a query that selects or returns plain columns (no nested objects, so no join nulling), the mapping is one decoder per
 * position, known when the query is prepared: this sets that mapping as the query's result mapper, which both
 * drivers call in place of `mapResultRow` with the same array rows. The objects are the same (keys in field order,
 * null stays null, every other value through its column's `mapFromDriverValue`); test/queries/row-mapper.test.ts
 * compares them on a row of every table. Any other query is left as it is.
 */
export function withColumnRowMapper<P>(prepared: P): P {
  if (!PgPreparedQuery || !is(prepared, PgPreparedQuery)) return prepared;
  const query = prepared as unknown as PreparedInternals;
  const fields = query.fields;
  if (
    !fields ||
    query.customResultMapper ||
    !fields.every(({ path, field }) => path.length === 1 && is(field, Column))
  ) {
    return prepared;
  }
  const keys = fields.map(({ path }) => path[0]!);
  const columns = fields.map(({ field }) => field as Column);
  query.customResultMapper = (rows) =>
    rows.map((row) => {
      const mapped: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const value = row[i];
        mapped[keys[i]!] = value === null ? null : columns[i]!.mapFromDriverValue(value);
      }
      return mapped;
    });
  return prepared;
}
