import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresDatabase } from '../../src/client/postgres.js';
import type { Database } from '../../src/client/types.js';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';

// Server-side prepared statements are a PostgreSQL server feature; PGlite runs every query in process.
const source = inject('testDatabase');
const CALLS = 5;

let target: IsolatedDatabase;
let scope: { tenantId: string };
let userId: string;

beforeAll(async () => {
  if (source.kind !== 'postgres') return;
  target = await isolatedDatabase({ poolMax: 1 });
  await runWithExecutor(target.db, async () => {
    scope = { tenantId: (await factories.tenants.create()).id };
    userId = (await factories.user.create()).id;
  });
});

afterAll(async () => {
  await target?.close();
});

/** Executions of the session's prepared statements whose SQL reads the todos list (pool of 1: one session). */
async function listExecutions(db: Database): Promise<number[]> {
  const rows = (await db.execute(sql`select generic_plans + custom_plans as runs from pg_prepared_statements
    where statement like 'select%from "todos"%order by%' order by prepare_time`)) as unknown as { runs: string }[];
  return rows.map((row) => Number(row.runs));
}

describe.skipIf(source.kind !== 'postgres')(
  'query objects built per call reuse a server-side prepared statement',
  () => {
    it(`${CALLS} calls of TodoQueries.list: 1 prepared statement, executed ${CALLS} times`, async () => {
      await runWithExecutor(target.db, async () => {
        for (let i = 0; i < CALLS; i++) await TodoQueries.list({ filter: { userId } }, scope);
      });
      expect(await listExecutions(target.db)).toEqual([CALLS]);
    });

    it(`inside withTransaction too: ${CALLS} more calls run the same statement`, async () => {
      await runWithExecutor(target.db, () =>
        withTransaction(async () => {
          for (let i = 0; i < CALLS; i++) await TodoQueries.list({ filter: { userId } }, scope);
        }),
      );
      expect(await listExecutions(target.db)).toEqual([2 * CALLS]);
    });

    // TodoQueries.list is .prepare()d per filter shape (a bounded set): two selects built per call show the limit.
    it('beyond maxPreparedStatements new SQL texts run unnamed: a limit of 1, 2 built selects × 3 calls → 1 statement', async () => {
      const limited = createPostgresDatabase(target.url, { poolMax: 1, maxPreparedStatements: 1 });
      const byUser = eq(todos.userId, userId);
      try {
        for (let i = 0; i < 3; i++) {
          await limited.db.select().from(todos).where(byUser).orderBy(todos.createdAt);
          await limited.db
            .select()
            .from(todos)
            .where(and(byUser, eq(todos.completed, true)))
            .orderBy(todos.createdAt);
        }
        expect(await listExecutions(limited.db)).toEqual([3]);
      } finally {
        await limited.close();
      }
    });

    it(`with statement preparation off (a transaction pooler's setting): ${CALLS} rounds of the prepared paths leave 0 prepared statements`, async () => {
      const unprepared = createPostgresDatabase(target.url, { poolMax: 1, prepare: false });
      try {
        await runWithExecutor(unprepared.db, async () => {
          for (let i = 0; i < CALLS; i++) {
            await TodoQueries.list({ filter: { userId } }, scope);
            await TodoQueries.create({ userId, title: `unprepared ${i}` }, scope);
            await TenantMemberQueries.findByUserId(userId, scope);
            await NotificationQueries.unreadCount(userId, scope);
            await SessionQueries.findByToken('unprepared-token');
            await DomainEventQueries.claimBatch(10);
          }
        });
        const [row] = (await unprepared.db.execute(
          sql`select count(*)::int as n from pg_prepared_statements`,
        )) as unknown as { n: number }[];
        expect(row!.n).toBe(0);
      } finally {
        await unprepared.close();
      }
    });
  },
);
