import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PostgresHandle } from '../../src/client/postgres.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { WaitlistQueries } from '../../src/queries/features/waitlist.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { poolCounter } from '../replicas/query-log-counter.js';
import { routedDatabase } from '../replicas/routed-database.js';

const source = inject('testDatabase');

// WaitlistQueries' own routing (an idempotent join and a no-op markInvited read on the primary), with a replica pool
// as in test/replicas/routing.test.ts; here so it goes with the waitlist table.
describe.skipIf(source.kind !== 'postgres')('waitlist routing with DATABASE_REPLICA_URLS (1 replica pool)', () => {
  const counter = poolCounter();
  let database: IsolatedDatabase;
  let handle: PostgresHandle;
  const onReplicated = <T>(fn: () => Promise<T>) => runWithExecutor(handle.db, fn);

  beforeAll(async () => {
    ({ database, handle } = await routedDatabase(source, counter));
  });

  afterAll(async () => {
    await handle?.close();
    await database?.close();
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
});
