import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresDatabase } from '../../src/client/postgres.js';
import type { Database } from '../../src/client/types.js';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { tenantInvites } from '../../src/schema/tables/tenant/tenant-invite.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { preparedStatementsWithPreparationOff } from '../support/unprepared.js';

// Server-side prepared statements are a PostgreSQL server feature; PGlite runs every query in process.
// On the tenant, auth and system domains, which `pnpm db:remove` cannot take; the example domains' own prepared
// paths are checked the same way next to their tests (test/features/todo-statements.test.ts, test/notifications/).
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

/** Executions of the session's prepared statements whose SQL reads the invites list (pool of 1: one session). */
async function listExecutions(db: Database): Promise<number[]> {
  const rows = (await db.execute(sql`select generic_plans + custom_plans as runs from pg_prepared_statements
    where statement like 'select%from "tenant_invites"%order by%' order by prepare_time`)) as unknown as {
    runs: string;
  }[];
  return rows.map((row) => Number(row.runs));
}

describe.skipIf(source.kind !== 'postgres')(
  'query objects built per call reuse a server-side prepared statement',
  () => {
    it(`${CALLS} calls of TenantInviteQueries.listPending: 1 prepared statement, executed ${CALLS} times`, async () => {
      await runWithExecutor(target.db, async () => {
        for (let i = 0; i < CALLS; i++) await TenantInviteQueries.listPending({}, scope);
      });
      expect(await listExecutions(target.db)).toEqual([CALLS]);
    });

    it(`inside withTransaction too: ${CALLS} more calls run the same statement`, async () => {
      await runWithExecutor(target.db, () =>
        withTransaction(async () => {
          for (let i = 0; i < CALLS; i++) await TenantInviteQueries.listPending({}, scope);
        }),
      );
      expect(await listExecutions(target.db)).toEqual([2 * CALLS]);
    });

    // Two selects built per call, each its own SQL text, show the limit.
    it('beyond maxPreparedStatements new SQL texts run unnamed: a limit of 1, 2 built selects × 3 calls → 1 statement', async () => {
      const limited = createPostgresDatabase(target.url, { poolMax: 1, maxPreparedStatements: 1 });
      const byUser = eq(tenantInvites.invitedByUserId, userId);
      try {
        for (let i = 0; i < 3; i++) {
          await limited.db.select().from(tenantInvites).where(byUser).orderBy(tenantInvites.createdAt);
          await limited.db
            .select()
            .from(tenantInvites)
            .where(and(byUser, eq(tenantInvites.status, 'pending')))
            .orderBy(tenantInvites.createdAt);
        }
        expect(await listExecutions(limited.db)).toEqual([3]);
      } finally {
        await limited.close();
      }
    });

    it(`with statement preparation off (a transaction pooler's setting): ${CALLS} rounds of the prepared paths leave 0 prepared statements`, async () => {
      const statements = await preparedStatementsWithPreparationOff(target.url, async () => {
        for (let i = 0; i < CALLS; i++) {
          await TenantInviteQueries.listPending({}, scope);
          await TenantInviteQueries.create(
            { email: `unprepared${i}@example.com`, role: 'member', invitedByUserId: userId },
            scope,
          );
          await TenantQueries.findById(scope.tenantId);
          await TenantMemberQueries.findByUserId(userId, scope);
          await SessionQueries.findByToken('unprepared-token');
          await DomainEventQueries.claimBatch(10);
        }
      });
      expect(statements).toBe(0);
    });
  },
);
