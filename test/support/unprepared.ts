import { sql } from 'drizzle-orm';
import { runWithExecutor } from '../../src/client/executor.js';
import { createPostgresDatabase } from '../../src/client/postgres.js';

/**
 * Runs `calls` on a one-connection pool with statement preparation off (a transaction pooler's setting) and returns
 * how many prepared statements its session holds afterwards: 0 unless a path names its statement regardless.
 */
export async function preparedStatementsWithPreparationOff(url: string, calls: () => Promise<void>): Promise<number> {
  const unprepared = createPostgresDatabase(url, { poolMax: 1, prepare: false });
  try {
    await runWithExecutor(unprepared.db, calls);
    const [row] = (await unprepared.db.execute(
      sql`select count(*)::int as n from pg_prepared_statements`,
    )) as unknown as { n: number }[];
    return row!.n;
  } finally {
    await unprepared.close();
  }
}
