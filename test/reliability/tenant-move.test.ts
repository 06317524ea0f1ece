import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithExecutor } from '../../src/client/executor.js';
import type { Executor } from '../../src/client/types.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { moveTenant, SHARED } from '../../src/tenancy/move-tenant.js';
import { useDatabaseAt } from '../../src/tenancy/router.js';
import { selectRows } from '../../src/tenancy/sql-rows.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { useTestTenantDatabases, type TestTenantDatabases } from '../../src/testing/tenant-databases.js';
import { serverSource } from './support/server.js';

// Moves under a concurrent writer, on committed server databases: the control (shared) database is an isolated
// database of its own, bound for the whole file, and the target a fresh server database.

const WRITERS = 4;
let control: IsolatedDatabase;
let tenants: TestTenantDatabases;

beforeAll(async () => {
  const source = serverSource();
  control = await isolatedDatabase({ poolMax: 10 });
  tenants = useTestTenantDatabases(source, { poolMax: 10 });
});
afterAll(async () => {
  await tenants.close();
  await control.close();
});

interface Acknowledged {
  title: string;
  completed: boolean;
}

/** Creates and updates todos of the tenant until `stop()`; returns what each acknowledged write left. */
function writeUntilStopped(tenantId: string, userId: string) {
  const acknowledged = new Map<string, Acknowledged>();
  const errors: unknown[] = [];
  let stopped = false;
  const loops = Array.from({ length: WRITERS }, async (_, writer) => {
    for (let i = 0; !stopped; i++) {
      try {
        const todo = await TodoQueries.create({ userId, title: `w${writer}-${i}` }, { tenantId });
        acknowledged.set(todo.id, { title: todo.title, completed: false });
        const updated = await TodoQueries.update(todo.id, { completed: true }, { tenantId });
        acknowledged.set(updated.id, { title: updated.title, completed: true });
      } catch (error) {
        errors.push(error);
      }
    }
  });
  return {
    acknowledged,
    errors,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

const rowsAt = (url: string | null, tenantId: string) => {
  const read = (db: Executor) =>
    selectRows<{ id: string; title: string; completed: boolean }>(
      db,
      sql`select id, title, completed from todos where tenant_id = ${tenantId}`,
    );
  return url === null ? read(control.db) : useDatabaseAt(url, (handle) => read(handle.db));
};

async function moveUnderWriters(tenantId: string, userId: string, to: string | null, graceMs: number) {
  const writers = writeUntilStopped(tenantId, userId);
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const report = await moveTenant(tenantId, to ?? SHARED, { keyRing: tenants.keyRing, graceMs });
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { report, writers };
  } finally {
    await writers.stop();
  }
}

function expectExactly(
  rows: { id: string; title: string; completed: boolean }[],
  acknowledged: Map<string, Acknowledged>,
) {
  const byId = new Map(rows.map((r) => [r.id, { title: r.title, completed: r.completed }]));
  expect(rows).toHaveLength(byId.size);
  for (const [id, last] of acknowledged) expect(byId.get(id), id).toEqual(last);
}

describe('moving a tenant under a concurrent writer (server)', () => {
  // Everything runs on the committed control database (ambient, so the writers' async work inherits it).
  const onControl = (fn: () => Promise<void>) => () => runWithExecutor(control.db, fn);

  it(
    'shared → dedicated → shared: every acknowledged write is in the target exactly once, nothing in the source',
    onControl(async () => {
      const user = await factories.user.create();
      const tenant = await factories.tenants.create();
      const target = await tenants.createDatabase('server');

      const there = await moveUnderWriters(tenant.id, user.id, target, 50);
      expect(there.writers.errors).toEqual([]);
      expect(there.writers.acknowledged.size).toBeGreaterThan(0);
      expectExactly(await rowsAt(target, tenant.id), there.writers.acknowledged);
      expect(await rowsAt(null, tenant.id)).toEqual([]);

      const back = await moveUnderWriters(tenant.id, user.id, null, 50);
      expect(back.writers.errors).toEqual([]);
      const all = new Map([...there.writers.acknowledged, ...back.writers.acknowledged]);
      expectExactly(await rowsAt(null, tenant.id), all);
      expect(await rowsAt(target, tenant.id)).toEqual([]);
      console.log(
        `tenant move under ${WRITERS} writers: ${there.writers.acknowledged.size + back.writers.acknowledged.size} ` +
          `todos written; pauses ${there.report.pauseMs.toFixed(0)} ms and ${back.report.pauseMs.toFixed(0)} ms; ` +
          `rows copied again under the lock: ${there.report.recopied} and ${back.report.recopied}`,
      );
    }),
  );

  it(
    'a tenant of 100,000 rows moves with its writes paused for the final pass only (reported)',
    onControl(async () => {
      const user = await factories.user.create();
      const tenant = await factories.tenants.create();
      const target = await tenants.createDatabase('server');
      const inputs = Array.from({ length: 100_000 }, (_, i) => ({ userId: user.id, title: `bulk ${i}` }));
      await TodoQueries.createMany(inputs, { tenantId: tenant.id, chunkSize: 5_000 });

      const { report, writers } = await moveUnderWriters(tenant.id, user.id, target, 50);
      expect(writers.errors).toEqual([]);
      const rows = await rowsAt(target, tenant.id);
      expect(rows.length).toBe(100_000 + new Set(writers.acknowledged.keys()).size);
      expectExactly(rows, writers.acknowledged);
      expect(await rowsAt(null, tenant.id)).toEqual([]);
      console.log(
        `tenant move of ${rows.length} rows: copy ${report.copyMs.toFixed(0)} ms, write pause ` +
          `${report.pauseMs.toFixed(0)} ms, total ${report.totalMs.toFixed(0)} ms (${report.recopied} rows copied again)`,
      );
    }),
  );
});
