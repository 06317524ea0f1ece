import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runWithExecutor } from '../../src/client/executor.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { preparedStatementsWithPreparationOff } from '../support/unprepared.js';

// TodoQueries' prepared paths (list per filter shape, insert per column set) on the server; the generic reuse rules
// are in test/foundation/statement-reuse.test.ts, on a domain `pnpm db:remove` cannot take.
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

describe.skipIf(source.kind !== 'postgres')('TodoQueries on server-side prepared statements', () => {
  // Through a transaction pooler (TEST_DATABASE_POOLER_URL, test/reliability/pgbouncer.test.ts) preparation is off:
  // there is no statement to reuse, and the next test is the one that applies.
  const throughPooler = source.kind === 'postgres' && source.poolerUrl !== undefined;
  it.skipIf(throughPooler)(
    `${CALLS} calls of TodoQueries.list: 1 prepared statement, executed ${CALLS} times`,
    async () => {
      await runWithExecutor(target.db, async () => {
        for (let i = 0; i < CALLS; i++) await TodoQueries.list({ filter: { userId } }, scope);
      });
      const rows = (await target.db.execute(sql`select generic_plans + custom_plans as runs from pg_prepared_statements
      where statement like 'select%from "todos"%order by%'`)) as unknown as { runs: string }[];
      expect(rows.map((row) => Number(row.runs))).toEqual([CALLS]);
    },
  );

  it(`with statement preparation off: ${CALLS} rounds of list and create leave 0 prepared statements`, async () => {
    const statements = await preparedStatementsWithPreparationOff(target.url, async () => {
      for (let i = 0; i < CALLS; i++) {
        await TodoQueries.list({ filter: { userId } }, scope);
        await TodoQueries.create({ userId, title: `unprepared ${i}` }, scope);
      }
    });
    expect(statements).toBe(0);
  });
});
