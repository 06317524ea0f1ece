import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/client/create-database.js';
import type { PostgresHandle } from '../../src/client/postgres.js';
import type { Executor } from '../../src/client/types.js';
import { runWithExecutor, withPrimary, withTransaction } from '../../src/client/executor.js';
import { migrate } from '../../src/migrate/index.js';
import { read } from '../../src/queries/_lib/run.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { poolCounter } from './query-log-counter.js';
import { CLUSTER_TOOLS, haveClusterTools, PG_BIN } from '../support/private-cluster.js';
import { startStreamingReplica, type StreamingReplica } from './streaming-replica.js';
import { factories } from '../../src/testing/index.js';

const source = inject('testDatabase');
const TIMEOUT = 180_000;

// A replica needs a server (the PGlite pass skips this file) and the PostgreSQL 15 cluster binaries, to start a
// standby of its own. In CI (the CI environment variable, which .ci/run and hosted runners set) the binaries are a
// prerequisite: .ci/run installs them (Debian postgresql-15, postgresql-client-15) and their absence fails this file
// rather than skip it unseen. Elsewhere it is skipped with the reason printed.
// The routing is exercised on tenant_invites and tenants: the tenant domain is one `pnpm db:remove` cannot take.
const inCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
const skipReason =
  source.kind !== 'postgres'
    ? 'the tests run on PGlite (a replica needs TEST_DATABASE_URL, a PostgreSQL server)'
    : haveClusterTools()
      ? null
      : `${CLUSTER_TOOLS.join(', ')} are not all in ${PG_BIN} (Debian: apt-get install postgresql-15 postgresql-client-15)`;
if (skipReason && inCi && source.kind === 'postgres') {
  throw new Error(`CI=${process.env.CI}: the streaming-replica tests cannot run: ${skipReason}`);
}
if (skipReason) console.warn(`[replica] skipped: ${skipReason}`);

/** Asked through `read()`, so it takes the same route a query object's read takes. */
function inRecovery(): Promise<boolean> {
  const probe = (db: Executor) =>
    db.select({ inRecovery: sql<boolean>`pg_is_in_recovery()` }).from(sql`(values (1)) as probe`);
  return read(probe).then(([row]) => row!.inRecovery);
}

describe.skipIf(skipReason !== null)('a real PostgreSQL 15 streaming replica', { timeout: TIMEOUT }, () => {
  const counter = poolCounter();
  let replica: StreamingReplica;
  let handle: PostgresHandle;
  let scope: { tenantId: string };
  let userId: string;
  const onReplicated = <T>(fn: () => Promise<T>) => runWithExecutor(handle.db, fn);
  const inviteAs = (email: string) =>
    TenantInviteQueries.create({ email, role: 'member', invitedByUserId: userId }, scope);

  beforeAll(async () => {
    if (source.kind !== 'postgres') return;
    replica = await startStreamingReplica(source.serverUrl);
    console.log(`[replica] standby on 127.0.0.1:${replica.replicaPort} of the ${replica.primaryDescription}`);
    // CREATE DATABASE and the migrations replicate like any other write.
    const name = `${source.runPrefix}_replica_${randomBytes(3).toString('hex')}`;
    const admin = postgres(replica.primaryUrl('postgres'), { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database "${name}"`);
    } finally {
      await admin.end();
    }
    await migrate({ url: replica.primaryUrl(name), log: () => {} });
    await replica.caughtUp();
    handle = createDatabase({
      url: replica.primaryUrl(name),
      replicaUrls: [replica.replicaUrl(name)],
      poolMax: 2,
      logQueries: true,
      log: counter.log,
    }) as PostgresHandle;
    await onReplicated(async () => {
      scope = { tenantId: (await factories.tenants.create()).id };
      userId = (await factories.user.create()).id;
    });
    await replica.caughtUp();
  }, TIMEOUT);

  afterAll(async () => {
    await handle?.close();
    await replica?.stop();
  }, TIMEOUT);

  it('the standby is read-only: 1 insert sent straight to its pool fails with SQLSTATE 25006', async () => {
    const refused = await handle
      .replicaClients[0]!`insert into tenant_invites (tenant_id, email, token_hash, expires_at)
      values (${scope.tenantId}, 'nope@example.com', 'nope', now() + interval '1 day')`.catch(
      (error: { code?: string }) => error.code,
    );
    expect(refused).toBe('25006');
  });

  it('(a) reads run on the replica: pg_is_in_recovery() is true, list + prepared findById = 2 replica statements', async () => {
    const { invite } = await onReplicated(() => inviteAs('replicated@example.com'));
    await replica.caughtUp();
    counter.reset();
    await onReplicated(async () => {
      expect(await inRecovery()).toBe(true);
      expect((await TenantInviteQueries.listPending({}, scope)).items.map((i) => i.id)).toContain(invite.id);
      expect(await TenantInviteQueries.findById(invite.id, scope)).toEqual(invite);
    });
    expect(counter.count('"tenant_invites"')).toEqual({ 'db:replica1': 2 });
  });

  it('(b) a create runs on the primary (1 statement), withPrimary reads it at once, the replica after replay', async () => {
    counter.reset();
    const { invite } = await onReplicated(() => inviteAs('fresh@example.com'));
    expect(counter.count('"tenant_invites"')).toEqual({ db: 1 });
    expect(await onReplicated(() => withPrimary(() => TenantInviteQueries.findById(invite.id, scope)))).toEqual(invite);
    expect(await onReplicated(() => withPrimary(inRecovery))).toBe(false);
    await replica.caughtUp();
    counter.reset();
    expect(await onReplicated(() => TenantInviteQueries.findById(invite.id, scope))).toEqual(invite);
    expect(counter.count('"tenant_invites"')).toEqual({ 'db:replica1': 1 });
  });

  it('(c) withTransaction runs on the primary: 1 create + 1 read there see the uncommitted row, the replica does not', async () => {
    counter.reset();
    await onReplicated(() =>
      withTransaction(async () => {
        expect(await inRecovery()).toBe(false);
        const { invite } = await inviteAs('uncommitted@example.com');
        expect(await TenantInviteQueries.findById(invite.id, scope)).toEqual(invite);
        // Outside the transaction, on the replica: an uncommitted row is visible nowhere else.
        expect(await onReplicated(() => TenantInviteQueries.findById(invite.id, scope))).toBeNull();
      }),
    );
    expect(counter.count('"tenant_invites"')).toEqual({ db: 2, 'db:replica1': 1 });
  });

  it('an update with no changes right after a create answers from the primary, without waiting for replay', async () => {
    counter.reset();
    const updated = await onReplicated(async () => {
      const { tenant } = await TenantQueries.createWithOwner(
        { name: 'Read your writes', slug: 'read-your-writes' },
        userId,
      );
      return TenantQueries.update(tenant.id, {});
    });
    expect(updated.name).toBe('Read your writes');
    expect(counter.count('"tenants"')).toEqual({ db: 2 });
  });
});
