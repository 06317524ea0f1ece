import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createDatabase } from '../../../src/client/create-database.ts';
import type { DatabaseError } from '../../../src/errors.ts';
import { runWithExecutor, withTransaction } from '../../../src/executor.ts';

// Run as a child process by kill-in-flight.test.ts: the defect it shows throws from a driver timer, which would take
// the test runner down with it. Prints one JSON line: what the caller saw, and what escaped as uncaught.
// Usage: tsx kill-in-flight.ts <database url> <admin url>

const [url, adminUrl] = process.argv.slice(2) as [string, string];
const uncaught: string[] = [];
process.on('uncaughtException', (error) => uncaught.push(error.message));

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const handle = createDatabase({ url, poolMax: 5, connectTimeoutSeconds: 2 });
const outcome = await runWithExecutor(handle.db, async () => {
  const error = await withTransaction(async (tx) => {
    await tx.execute(sql`create temporary table doomed (x int)`);
    const [row] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
    const kill = new Promise((resolve) => setTimeout(resolve, 300)).then(
      () => admin`select pg_terminate_backend(${row!.pid}, 5000)`,
    );
    await Promise.all([tx.execute(sql`select pg_sleep(5)`), kill]);
  }).catch((e: unknown) => e as DatabaseError);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const next = await Promise.allSettled(Array.from({ length: 10 }, () => handle.db.execute(sql`select 1`)));
  return { txErrorCode: error?.code ?? null, next: next.map((r) => r.status) };
});
await handle.close().catch(() => {});
await admin.end();
console.log(JSON.stringify({ ...outcome, uncaught }));
