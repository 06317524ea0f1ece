import { DrizzleQueryError, NoopLogger, fillPlaceholders, is } from 'drizzle-orm';
import { NoopCache } from 'drizzle-orm/cache/core';
import * as postgresJs from 'drizzle-orm/postgres-js';

// Drizzle 0.45's postgres.js prepared-query class. Drizzle 1.0 has none: its PgAsyncPreparedQuery (every driver's)
// takes this path itself when there is no cache and no OpenTelemetry (`fastPath`), so on 1.0 this leaves it as it is.
const PostgresJsPreparedQuery = (postgresJs as Record<string, unknown>)['PostgresJsPreparedQuery'] as
  Parameters<typeof is>[1] | undefined;

/** The parts of Drizzle's postgres.js prepared query this reads (constructor state, not in its public types). */
interface PostgresJsInternals {
  client: {
    unsafe(query: string, params: unknown[], options: { prepare: boolean }): { values(): Promise<unknown[][]> };
  };
  queryString: string;
  params: unknown[];
  prepare: boolean;
  logger: unknown;
  cache: unknown;
  customResultMapper?: (rows: unknown[][]) => unknown;
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

/**
 * After the row mapping, the largest Drizzle frame of a prepared call on postgres.js is `execute` itself: two
 * `tracer.startActiveSpan` wrappers (pass-throughs: drizzle-orm never loads OpenTelemetry) and `queryWithCache`,
 * each an async layer. For a query whose rows `withColumnRowMapper` maps, with no logger and no cache (as every
 * database this package creates), this runs what those layers run: the placeholders filled, the statement on the
 * query's own client, a failure wrapped in `DrizzleQueryError` as Drizzle wraps it, the rows through the mapper.
 */
export function withDirectExecute<P>(prepared: P): P {
  if (!PostgresJsPreparedQuery || !is(prepared, PostgresJsPreparedQuery)) return prepared;
  const query = prepared as unknown as PostgresJsInternals;
  const mapRows = query.customResultMapper;
  if (!mapRows || !is(query.logger, NoopLogger) || !(query.cache === undefined || is(query.cache, NoopCache))) {
    return prepared;
  }
  query.execute = async (values = {}) => {
    const params = fillPlaceholders(query.params, values);
    let rows: unknown[][];
    try {
      rows = await query.client.unsafe(query.queryString, params, { prepare: query.prepare }).values();
    } catch (error) {
      throw new DrizzleQueryError(query.queryString, params, error as Error);
    }
    return mapRows(rows);
  };
  return prepared;
}
