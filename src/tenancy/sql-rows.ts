import type { SQL } from 'drizzle-orm';
import type { Executor } from '../client/types.js';

/** The rows of a raw statement on either driver (postgres.js returns an array, PGlite an object with `rows`). */
export async function selectRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await executor.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
