import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresDatabase, type PostgresHandle } from '../../src/client/postgres.js';
import type { Executor } from '../../src/client/types.js';
import { primaryOf, runWithExecutor, withPrimary, withTransaction } from '../../src/client/executor.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { WaitlistQueries } from '../../src/queries/features/waitlist.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import { createIsolatedDatabase, type IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { poolCounter } from './query-log-counter.js';
import { factories } from '../../src/testing/index.js';

const source = inject('testDatabase');

// Which pool runs what, with the "replica" a second pool on the same database (fast, no second server): the query
// log tags each statement with its pool. `replica.test.ts` repeats the key cases against a real streaming replica.
describe.skipIf(source.kind !== 'postgres')('routing with DATABASE_REPLICA_URLS (1 replica pool)', () => {
  const counter = poolCounter();
  let database: IsolatedDatabase;
  let handle: PostgresHandle;
  let scope: { tenantId: string };
  let userId: string;
  const onReplicated = <T>(fn: () => Promise<T>) => runWithExecutor(handle.db, fn);

  beforeAll(async () => {
    database = await createIsolatedDatabase(source, { poolMax: 1 });
    handle = createPostgresDatabase(database.url, {
      replicaUrls: [database.url],
      poolMax: 2,
      logQueries: true,
      log: counter.log,
    });
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
    const todo = await onReplicated(() => TodoQueries.create({ userId, title: 'read me' }, scope));
    counter.reset();
    await onReplicated(async () => {
      expect((await TodoQueries.list({}, scope)).items.map((t) => t.id)).toContain(todo.id);
      expect(await TodoQueries.findById(todo.id, scope)).toEqual(todo);
      expect(await handle.db.query.todos.findMany({ where: eq(todos.id, todo.id) })).toHaveLength(1);
      expect(await handle.db.$count(todos, eq(todos.id, todo.id))).toBe(1);
    });
    expect(counter.count('"todos"')).toEqual({ 'db:replica1': 4 });
  });

  it('4 writes (create, update, update with no changes, softDelete) run on the primary, 0 on the replica', async () => {
    counter.reset();
    await onReplicated(async () => {
      const todo = await TodoQueries.create({ userId, title: 'write me' }, scope);
      await TodoQueries.update(todo.id, { completed: true }, scope);
      // No column to set: the query object reads the row inside `write()`, so the primary answers.
      expect(await TodoQueries.update(todo.id, {}, scope)).toMatchObject({ id: todo.id, completed: true });
      await TodoQueries.softDelete(todo.id, scope);
    });
    expect(counter.count('"todos"')).toEqual({ db: 4 });
  });

  it('withTransaction: 3 statements (create, findById, list) on the primary, 0 on the replica', async () => {
    counter.reset();
    await onReplicated(() =>
      withTransaction(async () => {
        const todo = await TodoQueries.create({ userId, title: 'in tx' }, scope);
        expect(await TodoQueries.findById(todo.id, scope)).toEqual(todo);
        expect((await TodoQueries.list({}, scope)).items.map((t) => t.id)).toContain(todo.id);
      }),
    );
    expect(counter.count('"todos"')).toEqual({ db: 3 });
  });

  it('withPrimary: 2 reads (list, prepared findById) on the primary; primaryOf(handle.db) is the primary', async () => {
    const todo = await onReplicated(() => TodoQueries.create({ userId, title: 'mine' }, scope));
    counter.reset();
    await onReplicated(() =>
      withPrimary(async () => {
        await TodoQueries.list({}, scope);
        expect(await TodoQueries.findById(todo.id, scope)).toEqual(todo);
      }),
    );
    expect(counter.count('"todos"')).toEqual({ db: 2 });
    const primary: Executor = primaryOf(handle.db);
    expect(primary).not.toBe(handle.db);
    expect(primaryOf(primary)).toBe(primary);
  });

  it('db.with(cte): the update runs on the primary, the select on the replica (1 each)', async () => {
    const todo = await onReplicated(() => TodoQueries.create({ userId, title: 'cte' }, scope));
    counter.reset();
    const target = handle.db
      .$with('target')
      .as(handle.db.select({ id: todos.id }).from(todos).where(eq(todos.id, todo.id)));
    const updated = await handle.db
      .with(target)
      .update(todos)
      .set({ title: 'cte done' })
      .where(sql`${todos.id} in (select id from ${target})`)
      .returning({ id: todos.id });
    expect(updated).toEqual([{ id: todo.id }]);
    const selected = await handle.db.with(target).select().from(target);
    expect(selected).toEqual([{ id: todo.id }]);
    expect(counter.count('"target"')).toEqual({ db: 1, 'db:replica1': 1 });
  });

  it('waitlist join of a taken email: insert + follow-up read on the primary (2), findByEmail on the replica (1)', async () => {
    const email = `replica-${Date.now()}@example.com`;
    const first = await onReplicated(() => WaitlistQueries.join({ email }));
    counter.reset();
    expect(await onReplicated(() => WaitlistQueries.join({ email }))).toEqual(first);
    expect(counter.count('"waitlist"')).toEqual({ db: 2 });
    await onReplicated(() => WaitlistQueries.findByEmail(email));
    expect(counter.count('"waitlist"')).toEqual({ db: 2, 'db:replica1': 1 });
  });

  it('waitlist markInvited twice: the no-op second call reads the current entry on the primary (2 statements)', async () => {
    const entry = await onReplicated(() => WaitlistQueries.join({ email: `invite-${Date.now()}@example.com` }));
    const invited = await onReplicated(() => WaitlistQueries.markInvited(entry.id));
    counter.reset();
    expect(await onReplicated(() => WaitlistQueries.markInvited(entry.id))).toEqual(invited);
    expect(counter.count('"waitlist"')).toEqual({ db: 2 });
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
