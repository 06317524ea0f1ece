import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { freeLoopbackPort } from '../../support/private-cluster.js';

export interface PgBouncer {
  port: number;
  /** The pooler URL of `database`, marked for transaction pooling the way the env module recognizes. */
  url(database: string): string;
  /** Queries PgBouncer has passed on so far, per database (its admin console's SHOW STATS). */
  queriesServed(): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

function pgbouncerBinary(): string {
  try {
    return execFileSync('which', ['pgbouncer'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'pgbouncer is not installed: the PgBouncer tests run the real pooler. Install it (Debian: apt-get install -y ' +
        'pgbouncer); .ci/run does.',
    );
  }
}

async function waitForPort(port: number, child: ChildProcess, output: () => string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pgbouncer did not listen on 127.0.0.1:${port} within ${timeoutMs} ms: ${output()}`);
}

/**
 * Starts PgBouncer in transaction mode on a free loopback port, in front of `server` (host:port of PostgreSQL), with
 * trust auth for `postgres`. PgBouncer refuses to run as root, so under root it drops to the `postgres` user (-u).
 */
export async function startPgBouncer(server: { host: string; port: number }): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  const port = await freeLoopbackPort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgbouncer-'));
  const authFile = path.join(dir, 'userlist.txt');
  const ini = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(authFile, '"postgres" ""\n');
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${server.host} port=${server.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      "unix_socket_dir = ''",
      'pool_mode = transaction',
      'auth_type = trust',
      `auth_file = ${authFile}`,
      'admin_users = postgres',
      'max_client_conn = 200',
      'default_pool_size = 10',
      '',
    ].join('\n'),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    fs.chmodSync(dir, 0o755);
    for (const file of [ini, authFile]) fs.chmodSync(file, 0o644);
  }
  const child = spawn(binary, asRoot ? ['-q', '-u', 'postgres', ini] : ['-q', ini], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, child, () => output);
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}?pgbouncer=true`,
    async queriesServed() {
      // The admin console speaks only the simple query protocol and has no pg_type to fetch.
      const console = postgres(`postgres://postgres@127.0.0.1:${port}/pgbouncer`, { max: 1, fetch_types: false });
      try {
        const rows = await console.unsafe<{ database: string; total_query_count: string }[]>('SHOW STATS').simple();
        return new Map(rows.map((row) => [row.database, Number(row.total_query_count)]));
      } finally {
        await console.end();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
