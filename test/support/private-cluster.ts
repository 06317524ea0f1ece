import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

// Throwaway PostgreSQL 15 clusters of a test's own (initdb, pg_ctl), for what a shared server must not be put through:
// replication, password authentication, being stopped and started again.

export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const CLUSTER_TOOLS = ['initdb', 'pg_basebackup', 'pg_ctl', 'psql'];

export function haveClusterTools(): boolean {
  return CLUSTER_TOOLS.every((tool) => fs.existsSync(path.join(PG_BIN, tool)));
}

export const run = promisify(execFile);

/** Runs a PostgreSQL binary as the `postgres` OS user: the server refuses to run as root. */
export async function asPostgres(tool: string, args: string[]): Promise<string> {
  const binary = path.join(PG_BIN, tool);
  const [command, argv] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  const { stdout } = await run(command, argv, { timeout: 150_000, maxBuffer: 8 * 1024 * 1024 });
  return stdout;
}

/** Makes `dir` (and what is in it) the `postgres` OS user's when running as root. */
export async function giveToPostgres(dir: string): Promise<void> {
  fs.chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres:postgres', dir]);
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  dataDir: string;
  port: number;
}

// Small and unsynced: throwaway clusters on a shared two-core machine.
const LIGHT_SETTINGS = ['-c listen_addresses=127.0.0.1', '-c shared_buffers=16MB', '-c fsync=off'];

export async function startCluster(cluster: Cluster, logFile: string, extra: string[] = []): Promise<void> {
  const options = [`-p ${cluster.port}`, `-k ${cluster.dataDir}`, ...LIGHT_SETTINGS, ...extra].join(' ');
  await asPostgres('pg_ctl', ['-D', cluster.dataDir, '-o', options, '-l', logFile, '-w', '-t', '120', 'start']);
}

/** `immediate` for teardown; `fast` is a clean shutdown (sessions get 57P01), what a restart or failover does. */
export async function stopCluster(cluster: Cluster, mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
  if (!fs.existsSync(path.join(cluster.dataDir, 'postmaster.pid'))) return;
  await asPostgres('pg_ctl', ['-D', cluster.dataDir, '-m', mode, '-w', 'stop']).catch(() => {});
}
