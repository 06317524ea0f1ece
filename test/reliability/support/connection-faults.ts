import net from 'node:net';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createDatabase } from '../../../src/client/create-database.js';
import type { Transaction } from '../../../src/client/types.js';
import type { DatabaseError } from '../../../src/errors/classes.js';
import { runWithExecutor, withTransaction } from '../../../src/client/executor.js';

// Run as a child process by connection-faults.test.ts: if the driver patch (patches/postgres@3.4.9.patch) were lost,
// these faults throw from a driver timer, which would take the test runner down with it. Prints one JSON line.
// Usage: tsx connection-faults.ts <scenario> <runs> <pool max> <database url> <admin url>

export type Scenario = 'terminate-in-flight' | 'terminate-in-savepoint' | 'reset-in-flight' | 'idle-timeout-reuse';

export interface RunOutcome {
  /** The `DatabaseError.code` the caller of the doomed `withTransaction` got (null: it resolved). */
  callerError: string | null;
  /** Rows the doomed transaction wrote that are visible afterwards (must be 0). */
  committedByDoomed: number;
  /** idle-timeout-reuse only: rows the next transaction on the reconnected connection committed (must be 1). */
  committedByNext: number | null;
  /** idle-timeout-reuse only: the doomed callback's statement after its connection closed. */
  lateStatement: 'rejected' | 'fulfilled' | null;
  /** The 10 queries run on the same pool right after the fault. */
  next: ('fulfilled' | 'rejected')[];
}

export interface FaultsOutcome {
  runs: RunOutcome[];
  uncaught: string[];
}

const [scenario, runs, poolMax, url, adminUrl] = process.argv.slice(2) as [Scenario, string, string, string, string];
const uncaught: string[] = [];
process.on('uncaughtException', (error) => uncaught.push(error.message));

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const observer = postgres(url, { max: 1, onnotice: () => {} });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await observer`create table if not exists fault_probe (run int not null, step text not null)`;

async function rowsOf(run: number, step: string): Promise<number> {
  const [row] = await observer<{ n: number }[]>`select count(*)::int as n from fault_probe where run = ${run}
    and step = ${step}`;
  return row!.n;
}

async function backendPid(tx: Transaction): Promise<number> {
  const [row] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
  return row!.pid;
}

/** A loopback TCP proxy to the server whose `reset(port)` aborts one connection with an RST (a NAT or LB drop). */
async function resettingProxy(target: URL) {
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(target);
  proxied.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url: proxied.toString(),
    /** Resets the connection whose upstream side has local port `clientPort` (pg_stat_activity.client_port). */
    reset(clientPort: number) {
      for (const [client, upstream] of pairs) {
        if (upstream.localPort !== clientPort) continue;
        client.resetAndDestroy();
        upstream.destroy();
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const proxy = scenario === 'reset-in-flight' ? await resettingProxy(new URL(url)) : null;
const handle = createDatabase({ url: proxy?.url ?? url, poolMax: Number(poolMax), connectTimeoutSeconds: 5 });

/** The doomed part of each scenario: it writes `before`, then the fault strikes under an in-flight statement. */
async function inFlightFault(tx: Transaction, run: number): Promise<void> {
  await tx.execute(sql`insert into fault_probe values (${run}, 'before')`);
  const pid = await backendPid(tx);
  const strike = sleep(300).then(async () => {
    if (!proxy) return admin`select pg_terminate_backend(${pid}, 5000)`;
    const [row] = await admin<{ port: number }[]>`select client_port as port from pg_stat_activity where pid = ${pid}`;
    return proxy.reset(row!.port);
  });
  await Promise.all([tx.execute(sql`select pg_sleep(5)`), strike]);
}

async function runOnce(run: number): Promise<RunOutcome> {
  return runWithExecutor(handle.db, async () => {
    let committedByNext: number | null = null;
    let lateStatement: RunOutcome['lateStatement'] = null;
    let doomed: Promise<unknown>;

    if (scenario === 'idle-timeout-reuse') {
      // The server ends the doomed transaction's session while its callback idles; the queued transaction gets the
      // reconnected connection; then the doomed callback, still running, issues one more statement.
      let late: Promise<unknown> = Promise.resolve();
      doomed = withTransaction(async (tx) => {
        await tx.execute(sql`set local idle_in_transaction_session_timeout = '300ms'`);
        await tx.execute(sql`insert into fault_probe values (${run}, 'before')`);
        await sleep(1_000);
        late = tx.execute(sql`insert into fault_probe values (${run}, 'late')`);
        await late;
      });
      const queued = withTransaction(async (tx) => {
        await tx.execute(sql`insert into fault_probe values (${run}, 'next')`);
        await sleep(1_500);
      });
      await Promise.allSettled([doomed, queued]);
      lateStatement = await late.then(
        () => 'fulfilled' as const,
        () => 'rejected' as const,
      );
      committedByNext = await rowsOf(run, 'next');
    } else {
      doomed = withTransaction(async (tx) => {
        if (scenario === 'terminate-in-savepoint') {
          await withTransaction((savepoint) => inFlightFault(savepoint, run));
        } else {
          await inFlightFault(tx, run);
        }
      });
    }

    const callerError = await doomed.then(
      () => null,
      (e: unknown) => (e as DatabaseError).code ?? String(e),
    );
    const next = await Promise.allSettled(Array.from({ length: 10 }, () => handle.db.execute(sql`select 1`)));
    const committedByDoomed = (await rowsOf(run, 'before')) + (await rowsOf(run, 'late'));
    return { callerError, committedByDoomed, committedByNext, lateStatement, next: next.map((r) => r.status) };
  });
}

const outcomes: RunOutcome[] = [];
for (let run = 1; run <= Number(runs); run++) outcomes.push(await runOnce(run));

await handle.close().catch(() => {});
await proxy?.close();
await Promise.all([admin.end(), observer.end()]);
console.log(JSON.stringify({ runs: outcomes, uncaught } satisfies FaultsOutcome));
