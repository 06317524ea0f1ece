import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../src/client/types.js';

// Helpers of the tests that place tenants on databases of their own (test/tenancy/placements*, test/rls/placed-*,
// the placed tenant-wall and mixed-placement properties).

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite an object with `rows`). */
export async function readRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
