import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/errors/classes.js';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { serverSource } from './support/server.js';

let handle: IsolatedDatabase;
let admin: postgres.Sql;

beforeAll(async () => {
  admin = postgres(serverSource().serverUrl, { max: 1, onnotice: () => {} });
  handle = await isolatedDatabase({ poolMax: 5 });
});

afterAll(async () => {
  await handle?.close();
  await admin?.end();
});

/** Terminates the backend serving `tx` and waits (up to 5 s) until it is gone; the next statement follows at once. */
async function killBackendOf(tx: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }) {
  const [row] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as { pid: number }[];
  const [killed] = await admin<{ done: boolean }[]>`select pg_terminate_backend(${row!.pid}, 5000) as done`;
  expect(killed!.done).toBe(true);
}

describe('a backend killed (pg_terminate_backend) while a withTransaction waits between statements, pool of 5', () => {
  it('1 kill: the caller gets connection_lost, 0 of the 2 writes commit, the next 10 queries on the pool succeed', async () => {
    const marker = `doomed-${randomUUID()}`;
    await runWithExecutor(handle.db, async () => {
      const tenantId = (await factories.tenants.create()).id;
      const userId = (await factories.user.create()).id;

      const error = await withTransaction(async (tx) => {
        await TenantInviteQueries.create(
          { email: `${marker}-1@example.com`, role: 'member', invitedByUserId: userId },
          { tenantId },
        );
        await killBackendOf(tx);
        await TenantInviteQueries.create(
          { email: `${marker}-2@example.com`, role: 'member', invitedByUserId: userId },
          { tenantId },
        );
      }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as DatabaseError).code).toBe('connection_lost');
      expect((error as DatabaseError).message).not.toContain(marker);

      const observer = postgres(handle.url, { max: 1, onnotice: () => {} });
      try {
        const [row] = await observer<
          { n: number }[]
        >`select count(*)::int as n from tenant_invites where email like ${`${marker}%`}`;
        expect(row!.n).toBe(0);
      } finally {
        await observer.end();
      }
      const after = await Promise.all(
        Array.from({ length: 10 }, () => TenantInviteQueries.listPending({}, { tenantId })),
      );
      expect(after.map((page) => page.items.length)).toEqual(Array(10).fill(0));
    });
  });
});
