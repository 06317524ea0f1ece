import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import {
  asPostgres,
  type Cluster,
  freeLoopbackPort,
  giveToPostgres,
  run,
  startCluster,
  stopCluster,
} from '../support/private-cluster.js';

// A real PostgreSQL 15 streaming replica for the replica tests: `pg_basebackup -R -X stream` of a primary, started as
// a hot standby on a free loopback port. The primary is the local test server when it accepts replication
// connections; otherwise a private primary cluster (initdb) of the test's own, never a reconfigured shared server.

/** `host replication` in pg_hba.conf: without it pg_basebackup is refused. */
export async function acceptsReplication(host: string, port: number, user: string): Promise<boolean> {
  try {
    await asPostgres('psql', [`host=${host} port=${port} user=${user} replication=true`, '-c', 'IDENTIFY_SYSTEM']);
    return true;
  } catch {
    return false;
  }
}

// A hot standby refuses to start with any of these below the primary's value.
const STANDBY_MINIMUMS = [
  'max_connections',
  'max_worker_processes',
  'max_wal_senders',
  'max_prepared_transactions',
  'max_locks_per_transaction',
];

export interface StreamingReplica {
  /** URL of a database on the primary, for `database` on the primary side. */
  primaryUrl(database: string): string;
  /** URL of the same database on the replica. */
  replicaUrl(database: string): string;
  /** `local server 127.0.0.1:5432` or `private primary 127.0.0.1:<port>`. */
  primaryDescription: string;
  replicaPort: number;
  /** Resolves once the replica has replayed everything the primary had written when it was called. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function urlFor(port: number, user: string, database: string): string {
  return `postgres://${user}@127.0.0.1:${port}/${database}`;
}

/** Starts a hot standby of the local server (or of a private primary when the server refuses replication). */
export async function startStreamingReplica(serverUrl: string): Promise<StreamingReplica> {
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username) || 'postgres';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'db-replica-'));
  await giveToPostgres(root);
  const clusters: Cluster[] = [];
  const connections: postgres.Sql[] = [];
  const stop = async () => {
    await Promise.all(connections.map((sql) => sql.end({ timeout: 5 })));
    for (const cluster of clusters.reverse()) await stopCluster(cluster);
    fs.rmSync(root, { recursive: true, force: true });
  };
  const connect = (port: number) => {
    const sql = postgres(urlFor(port, user, 'postgres'), { max: 1, onnotice: () => {} });
    connections.push(sql);
    return sql;
  };
  try {
    let primaryPort = Number(server.port || 5432);
    let primaryDescription = `local server 127.0.0.1:${primaryPort}`;
    if (!(await acceptsReplication('127.0.0.1', primaryPort, user))) {
      const primary = { dataDir: path.join(root, 'primary'), port: await freeLoopbackPort() };
      await asPostgres('initdb', ['-D', primary.dataDir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync']);
      clusters.push(primary);
      await startCluster(primary, path.join(root, 'primary.log'), ['-c wal_level=replica', '-c max_wal_senders=4']);
      primaryPort = primary.port;
      primaryDescription = `private primary 127.0.0.1:${primaryPort} (the local server refuses replication connections)`;
    }
    const primarySql = connect(primaryPort);
    const settings = await primarySql<{ name: string; setting: string }[]>`
      select name, setting from pg_settings where name in ${primarySql(STANDBY_MINIMUMS)}`;
    const replica = { dataDir: path.join(root, 'replica'), port: await freeLoopbackPort() };
    await asPostgres('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', user, '-D', replica.dataDir],
      ...['-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'],
    ]);
    // Debian keeps a server's configuration in /etc, so a copy of its data directory has none.
    const conf = path.join(replica.dataDir, 'postgresql.conf');
    if (!fs.existsSync(conf)) fs.writeFileSync(conf, '');
    fs.writeFileSync(
      path.join(replica.dataDir, 'pg_hba.conf'),
      'local all all trust\nhost all all 127.0.0.1/32 trust\n',
    );
    if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres:postgres', replica.dataDir]);
    clusters.push(replica);
    await startCluster(replica, path.join(root, 'replica.log'), [
      '-c hot_standby=on',
      ...settings.map(({ name, setting }) => `-c ${name}=${setting}`),
    ]);

    const replicaSql = connect(replica.port);
    const caughtUp = async (timeoutMs = 60_000) => {
      const [{ lsn }] = await primarySql<[{ lsn: string }]>`select pg_current_wal_lsn()::text as lsn`;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [{ done }] = await replicaSql<[{ done: boolean }]>`
          select coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) as done`;
        if (done) return;
        if (Date.now() > deadline) throw new Error(`replica did not replay up to ${lsn} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const [{ inRecovery }] = await replicaSql<[{ inRecovery: boolean }]>`select pg_is_in_recovery() as "inRecovery"`;
    if (!inRecovery) throw new Error('the copied cluster started as a primary, not as a standby');
    return {
      primaryUrl: (database) => urlFor(primaryPort, user, database),
      replicaUrl: (database) => urlFor(replica.port, user, database),
      primaryDescription,
      replicaPort: replica.port,
      caughtUp,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
