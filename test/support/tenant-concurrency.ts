import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/client/types.js';

// Helpers that make a race real on PostgreSQL: the first transaction waits, before committing, until the second one
// is blocked on a lock (or has finished without blocking, which is what a missing lock looks like).

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Resolves once another session of this database waits on a lock, or `finished` settles. On PGlite (one connection,
 * transactions take turns) nothing can wait, so it resolves at once.
 */
export async function untilBlockedOrDone(handle: DatabaseHandle, finished: Promise<unknown>): Promise<void> {
  if (handle.kind === 'pglite') return;
  let done = false;
  void finished.then(
    () => (done = true),
    () => (done = true),
  );
  for (let attempt = 0; attempt < 2000 && !done; attempt++) {
    const rows = rowsOf<{ waiting: number | string }>(
      await handle.db.execute(
        sql`select count(*) as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      ),
    );
    if (Number(rows[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
