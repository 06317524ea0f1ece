import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/client/create-database.js';
import { DatabaseError } from '../../src/errors/classes.js';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import {
  asPostgres,
  type Cluster,
  freeLoopbackPort,
  giveToPostgres,
  haveClusterTools,
  PG_BIN,
  startCluster,
  stopCluster,
} from '../support/private-cluster.js';
import { runMigrate } from './support/run-migrate.js';
import { serverSource } from './support/server.js';
import { factories } from '../../src/testing/index.js';

// A private cluster of this test's own (the shared server is never stopped, and it trusts loopback connections, so it
// cannot refuse a password): scram-sha-256 authentication, migrated, then stopped and started under a live pool.
const PASSWORD = 'planted-cluster-password';
const WRONG_PASSWORD = 'planted-wrong-password';
const TIMEOUT_SECONDS = 2;
const MARGIN_MS = 3_000;

let root: string;
let cluster: Cluster;
const urlWith = (password: string) => `postgres://postgres:${password}@127.0.0.1:${cluster.port}/postgres`;
const start = () => startCluster(cluster, path.join(root, 'server.log'));

beforeAll(async () => {
  serverSource();
  if (!haveClusterTools()) throw new Error(`server-gone.test.ts needs initdb and pg_ctl in ${PG_BIN}`);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'db-server-gone-'));
  const pwfile = path.join(root, 'pwfile');
  fs.writeFileSync(pwfile, `${PASSWORD}\n`);
  await giveToPostgres(root);
  cluster = { dataDir: path.join(root, 'data'), port: await freeLoopbackPort() };
  await asPostgres('initdb', [
    ...['-D', cluster.dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`],
    ...['-E', 'UTF8', '--no-sync'],
  ]);
  await start();
  const migrated = await runMigrate({ DATABASE_URL: urlWith(PASSWORD), DIRECT_URL: urlWith(PASSWORD) });
  expect(migrated.exitCode, migrated.stderr).toBe(0);
});

afterAll(async () => {
  if (cluster) await stopCluster(cluster);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function timed<T>(fn: () => Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe(`the database going away (a private scram-sha-256 cluster), DATABASE_CONNECT_TIMEOUT=${TIMEOUT_SECONDS}`, () => {
  it('a wrong password: a query object and `pnpm db:migrate` fail with 28P01 and its reason, within the timeout, neither password printed', async () => {
    const handle = createDatabase({ url: urlWith(WRONG_PASSWORD), connectTimeoutSeconds: TIMEOUT_SECONDS });
    try {
      const { error, ms } = await timed(() =>
        runWithExecutor(handle.db, () =>
          TenantInviteQueries.findById('01890000-0000-7000-8000-000000000000', {
            tenantId: '01890000-0000-7000-8000-000000000001',
          }),
        ),
      );
      console.log(`wrong password: ${(error as Error).message} after ${ms.toFixed(0)} ms`);
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as DatabaseError).code).toBe('connection_failed');
      // The server's refusal carries no address (a socket error does): the message names the reason instead.
      expect((error as DatabaseError).message).toBe(
        'Could not connect to the database server: password authentication failed for user "postgres" (28P01)',
      );
      expect(ms).toBeLessThan(TIMEOUT_SECONDS * 1000 + MARGIN_MS);
    } finally {
      await handle.close();
    }

    const run = await runMigrate({ DATABASE_URL: urlWith(WRONG_PASSWORD), DIRECT_URL: urlWith(WRONG_PASSWORD) });
    console.log(`wrong password, pnpm db:migrate: exit ${run.exitCode}: ${run.stderr.trim()}`);
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^✗ .*\(28P01\)/)]);
    expect(`${run.stdout}${run.stderr}`).not.toContain(WRONG_PASSWORD);
  });

  it('stopped (pg_ctl stop -m fast) under a pool of 5, then started: the in-flight transaction gets connection_lost and commits 0 rows, 3 queries while down fail with connection_failed within the timeout, 10 after the restart succeed', async () => {
    const handle = createDatabase({ url: urlWith(PASSWORD), poolMax: 5, connectTimeoutSeconds: TIMEOUT_SECONDS });
    const messages: string[] = [];
    try {
      await runWithExecutor(handle.db, async () => {
        const tenantId = (await factories.tenants.create()).id;
        const userId = (await factories.user.create()).id;
        await Promise.all(Array.from({ length: 5 }, () => TenantInviteQueries.listPending({}, { tenantId })));

        const doomed = withTransaction(async (tx) => {
          await TenantInviteQueries.create(
            { email: 'written-before-the-shutdown@example.com', role: 'member', invitedByUserId: userId },
            { tenantId },
          );
          await tx.execute(sql`select pg_sleep(5)`);
        }).catch((e: unknown) => e);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await stopCluster(cluster, 'fast');
        const lost = await doomed;
        messages.push((lost as Error).message);
        expect(lost).toBeInstanceOf(DatabaseError);
        expect((lost as DatabaseError).code).toBe('connection_lost');

        for (let attempt = 1; attempt <= 3; attempt++) {
          const { error, ms } = await timed(() => TenantInviteQueries.listPending({}, { tenantId }));
          messages.push((error as Error).message);
          console.log(`server down, query ${attempt}: ${(error as Error).message} after ${ms.toFixed(0)} ms`);
          expect(error).toBeInstanceOf(DatabaseError);
          expect((error as DatabaseError).code).toBe('connection_failed');
          expect(ms).toBeLessThan(TIMEOUT_SECONDS * 1000 + MARGIN_MS);
        }

        await start();
        const after = await Promise.all(
          Array.from({ length: 10 }, () => TenantInviteQueries.listPending({}, { tenantId })),
        );
        expect(after.map((page) => page.items.length)).toEqual(Array(10).fill(0));
      });
    } finally {
      await handle.close();
    }
    expect(messages.filter((message) => message.includes(PASSWORD))).toEqual([]);
  });
});
