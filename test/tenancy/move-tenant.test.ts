import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { withTransaction } from '../../src/client/executor.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { TenantActivityQueries } from '../../src/queries/tenant/tenant-activity.js';
import { TenantDatabaseQueries } from '../../src/queries/tenant/tenant-database.js';
import { TenantMoveError } from '../../src/errors/tenant-routing.js';
import { moveTenant, SHARED } from '../../src/tenancy/move-tenant.js';
import { useDatabaseAt } from '../../src/tenancy/router.js';
import { factories } from '../../src/testing/index.js';
import { useTestTenantDatabases, type TestTenantDatabases } from '../../src/testing/tenant-databases.js';

let tenants: TestTenantDatabases;
let first: string;
let second: string;

beforeAll(async () => {
  tenants = useTestTenantDatabases(inject('testDatabase'));
  first = await tenants.createDatabase();
  second = await tenants.createDatabase(tenants.hasServer ? 'server' : 'pglite');
});
afterAll(async () => {
  await tenants.close();
});

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** Every todo and activity row of the tenant in one database, read by URL (null: the shared database). */
async function rowsIn(url: string | null, tenantId: string) {
  const read = async (executor: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }) => ({
    todos: rowsOf(await executor.execute(sql`select * from todos where tenant_id = ${tenantId} order by id`)),
    activity: rowsOf(
      await executor.execute(sql`select * from tenant_activity where tenant_id = ${tenantId} order by id`),
    ),
  });
  return url === null ? read(db) : useDatabaseAt(url, (handle) => read(handle.db));
}

async function seedTenant() {
  const user = await factories.user.create();
  const tenant = await factories.tenants.create();
  for (let i = 0; i < 25; i++) {
    const todo = await TodoQueries.create(
      { userId: user.id, title: `todo ${i}`, description: i % 3 ? null : 'd' },
      { tenantId: tenant.id },
    );
    if (i % 4 === 0) await TodoQueries.update(todo.id, { completed: true }, { tenantId: tenant.id });
    if (i % 5 === 0) await TodoQueries.softDelete(todo.id, { tenantId: tenant.id });
  }
  await TenantActivityQueries.log({ tenantId: tenant.id, action: 'seeded', metadata: { n: 25 } });
  return { user, tenant };
}

describe('moveTenant', () => {
  it('moves a tenant shared → dedicated → another dedicated → shared: the same rows each time, none left behind', async () => {
    const { tenant } = await seedTenant();
    const original = await rowsIn(null, tenant.id);
    const listed = await TodoQueries.list({ limit: 100 }, { tenantId: tenant.id });
    expect(original.todos).toHaveLength(25);

    const hops: [string | null, string | null][] = [
      [null, first],
      [first, second],
      [second, null],
    ];
    for (const [from, to] of hops) {
      const report = await moveTenant(tenant.id, to ?? SHARED, { keyRing: tenants.keyRing, graceMs: 0 });
      expect(report.rows).toEqual({ tenant_activity: 1, todos: 25 });
      expect(await rowsIn(to, tenant.id)).toEqual(original);
      expect(await rowsIn(from, tenant.id)).toEqual({ todos: [], activity: [] });
      expect((await TenantDatabaseQueries.findSealed(tenant.id)) !== null).toBe(to !== null);
      expect(await TodoQueries.list({ limit: 100 }, { tenantId: tenant.id })).toEqual(listed);
    }
  });

  it("after a move the source refuses the tenant's writes (a stale router's), and the query objects keep working", async () => {
    const { user, tenant } = await seedTenant();
    await moveTenant(tenant.id, first, { keyRing: tenants.keyRing, graceMs: 0 });
    // In a savepoint: the refused statement must not abort the test's transaction.
    const stale = withTransaction(() =>
      db.execute(
        sql`insert into todos (tenant_id, user_id, title) values (${tenant.id}, ${user.id}, 'to the old database')`,
      ),
    );
    await expect(stale).rejects.toMatchObject({ cause: expect.objectContaining({ code: 'DBM01' }) });
    const created = await TodoQueries.create({ userId: user.id, title: 'after the move' }, { tenantId: tenant.id });
    expect((await rowsIn(first, tenant.id)).todos.map((t) => (t as { id: string }).id)).toContain(created.id);
    expect((await rowsIn(null, tenant.id)).todos).toEqual([]);
  });

  it('refuses a move to where the tenant already lives, and an unknown tenant', async () => {
    const tenant = await factories.tenants.create();
    await expect(moveTenant(tenant.id, SHARED, { keyRing: tenants.keyRing })).rejects.toBeInstanceOf(TenantMoveError);
    await expect(
      moveTenant('0190a4c8-0000-7000-8000-000000000009', first, { keyRing: tenants.keyRing }),
    ).rejects.toThrow(/no such tenant/);
  });
});
