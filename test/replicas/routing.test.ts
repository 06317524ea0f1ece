import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresDatabase, type PostgresHandle } from '../../src/client/postgres.js';
import type { Executor } from '../../src/client/types.js';
import { primaryOf, runWithExecutor, withPrimary, withTransaction } from '../../src/client/executor.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { tenantInvites } from '../../src/schema/tables/tenant/tenant-invite.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { poolCounter } from './query-log-counter.js';
import { routedDatabase } from './routed-database.js';
import { factories } from '../../src/testing/index.js';

const source = inject('testDatabase');

// Which pool runs what, with the "replica" a second pool on the same database (fast, no second server): the query
// log tags each statement with its pool. `replica.test.ts` repeats the key cases against a real streaming replica.
// On the tenant domain's tables (one `pnpm db:remove` cannot take); query objects with routing rules of their own
// are checked next to their tests (test/features/waitlist-routing.test.ts).
describe.skipIf(source.kind !== 'postgres')('routing with DATABASE_REPLICA_URLS (1 replica pool)', () => {
  const counter = poolCounter();
  let database: IsolatedDatabase;
  let handle: PostgresHandle;
  let scope: { tenantId: string };
  let userId: string;
  const onReplicated = <T>(fn: () => Promise<T>) => runWithExecutor(handle.db, fn);
  const inviteAs = (email: string) =>
    TenantInviteQueries.create({ email, role: 'member', invitedByUserId: userId }, scope);

  beforeAll(async () => {
    ({ database, handle } = await routedDatabase(source, counter));
    await onReplicated(async () => {
      scope = { tenantId: (await factories.tenants.create()).id };
      userId = (await factories.user.create()).id;
    });
  });

  afterAll(async () => {
    await handle?.close();
    await database?.close();
  });

  it('4 reads (list, prepared findById, relational findMany, $count) run on the replica, 0 on the primary', async () => {
    const { invite } = await onReplicated(() => inviteAs('read-me@example.com'));
    counter.reset();
    await onReplicated(async () => {
      expect((await TenantInviteQueries.listPending({}, scope)).items.map((i) => i.id)).toContain(invite.id);
      expect(await TenantInviteQueries.findById(invite.id, scope)).toEqual(invite);
      expect(await handle.db.query.tenantInvites.findMany({ where: eq(tenantInvites.id, invite.id) })).toHaveLength(1);
      expect(await handle.db.$count(tenantInvites, eq(tenantInvites.id, invite.id))).toBe(1);
    });
    expect(counter.count('"tenant_invites"')).toEqual({ 'db:replica1': 4 });
  });

  it('4 writes (createWithOwner, update, update with no changes, softDelete of a tenant) run on the primary, 0 on the replica', async () => {
    counter.reset();
    await onReplicated(async () => {
      // A tenant of its own: the soft delete must not hide the one the other tests use.
      const { tenant } = await TenantQueries.createWithOwner({ name: 'Write me', slug: 'write-me' }, userId);
      await TenantQueries.update(tenant.id, { name: 'Written' });
      // No column to set: the query object reads the row inside `write()`, so the primary answers.
      expect(await TenantQueries.update(tenant.id, {})).toMatchObject({ id: tenant.id, name: 'Written' });
      await TenantQueries.softDelete(tenant.id);
    });
    expect(counter.count('"tenants"')).toEqual({ db: 4 });
  });

  it('withTransaction: 3 statements (create, findById, list) on the primary, 0 on the replica', async () => {
    counter.reset();
    await onReplicated(() =>
      withTransaction(async () => {
        const { invite } = await inviteAs('in-tx@example.com');
        expect(await TenantInviteQueries.findById(invite.id, scope)).toEqual(invite);
        expect((await TenantInviteQueries.listPending({}, scope)).items.map((i) => i.id)).toContain(invite.id);
      }),
    );
    expect(counter.count('"tenant_invites"')).toEqual({ db: 3 });
  });

  it('withPrimary: 2 reads (list, prepared findById) on the primary; primaryOf(handle.db) is the primary', async () => {
    const { invite } = await onReplicated(() => inviteAs('mine@example.com'));
    counter.reset();
    await onReplicated(() =>
      withPrimary(async () => {
        await TenantInviteQueries.listPending({}, scope);
        expect(await TenantInviteQueries.findById(invite.id, scope)).toEqual(invite);
      }),
    );
    expect(counter.count('"tenant_invites"')).toEqual({ db: 2 });
    const primary: Executor = primaryOf(handle.db);
    expect(primary).not.toBe(handle.db);
    expect(primaryOf(primary)).toBe(primary);
  });

  it('db.with(cte): the update runs on the primary, the select on the replica (1 each)', async () => {
    const { invite } = await onReplicated(() => inviteAs('cte@example.com'));
    counter.reset();
    const target = handle.db
      .$with('target')
      .as(handle.db.select({ id: tenantInvites.id }).from(tenantInvites).where(eq(tenantInvites.id, invite.id)));
    const updated = await handle.db
      .with(target)
      .update(tenantInvites)
      .set({ email: 'cte-done@example.com' })
      .where(sql`${tenantInvites.id} in (select id from ${target})`)
      .returning({ id: tenantInvites.id });
    expect(updated).toEqual([{ id: invite.id }]);
    const selected = await handle.db.with(target).select().from(target);
    expect(selected).toEqual([{ id: invite.id }]);
    expect(counter.count('"target"')).toEqual({ db: 1, 'db:replica1': 1 });
  });

  it('setActiveTenant to a non-member tenant: the refused update and the session check both on the primary (2)', async () => {
    const created = await onReplicated(() => factories.session.create({ userId }));
    counter.reset();
    const error = await onReplicated(() => SessionQueries.setActiveTenant(created.id, scope.tenantId)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ entity: 'TenantMember' });
    expect(counter.count('"session"')).toEqual({ db: 2 });
  });

  it('close() ends all 2 pools: the primary and the replica refuse queries afterwards', async () => {
    const extra = createPostgresDatabase(database.url, { replicaUrls: [database.url], poolMax: 1 });
    await extra.client`select 1`;
    await extra.replicaClients[0]!`select 1`;
    await extra.close();
    const afterClose = [extra.client, extra.replicaClients[0]!].map((client) =>
      client`select 1`.then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      ),
    );
    expect(await Promise.all(afterClose)).toEqual(['CONNECTION_ENDED', 'CONNECTION_ENDED']);
  });
});
