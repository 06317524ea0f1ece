import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { withTransaction } from '../../src/client/executor.js';
import { db } from '../../src/client/db.js';
import { ForeignKeyError } from '../../src/errors/classes.js';
import { CrossDatabaseTransactionError } from '../../src/errors/tenant-routing.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { UserQueries } from '../../src/queries/auth/user.js';
import { TenantActivityQueries } from '../../src/queries/tenant/tenant-activity.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { withTenant } from '../../src/scope/tenant.js';
import { factories } from '../../src/testing/index.js';
import { useDatabaseAt } from '../../src/tenancy/router.js';
import { useTestTenantDatabases, type TestTenantDatabases } from '../../src/testing/tenant-databases.js';

let tenants: TestTenantDatabases;
/** One dedicated database for the file (placing a tenant on a fresh one costs seconds); tenants may share one. */
let dedicated: string;
let dedicatedToo: string;

/** Rows of `db.execute` on either driver (postgres.js returns an array, PGlite an object with `rows`). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

beforeAll(async () => {
  tenants = useTestTenantDatabases(inject('testDatabase'));
  dedicated = await tenants.createDatabase();
  dedicatedToo = await tenants.createDatabase(tenants.hasServer ? 'server' : 'pglite');
});
afterAll(async () => {
  await tenants.close();
});

/** The todo titles of `tenantId` in the database at `url`, read by URL (not through the tenant's placement). */
function titlesAt(url: string, tenantId: string): Promise<string[]> {
  return useDatabaseAt(url, async (handle) => {
    const rows = await handle.db.execute(sql`select title from todos where tenant_id = ${tenantId} order by title`);
    return rowsOf<{ title: string }>(rows).map((r) => r.title);
  });
}

async function sharedTitles(tenantId: string): Promise<string[]> {
  const rows = await db.execute(sql`select title from todos where tenant_id = ${tenantId} order by title`);
  return rowsOf<{ title: string }>(rows).map((r) => r.title);
}

describe('routing tenant data to the tenant database', () => {
  it('the same calls read and write the shared database for a shared tenant and its own for a placed one', async () => {
    const user = await factories.user.create();
    const shared = await factories.tenants.create();
    const placed = await factories.tenants.create();
    const url = await tenants.place(placed.id, dedicated);

    for (const tenantId of [shared.id, placed.id]) {
      const todo = await TodoQueries.create({ userId: user.id, title: `first of ${tenantId}` }, { tenantId });
      await TodoQueries.update(todo.id, { completed: true }, { tenantId });
      await withTenant(tenantId, () => TodoQueries.create({ userId: user.id, title: `second of ${tenantId}` }));
      expect(await TodoQueries.findById(todo.id, { tenantId })).toMatchObject({ completed: true });
      const page = await TodoQueries.list({}, { tenantId });
      expect(page.items.map((t) => t.title).sort()).toEqual([`first of ${tenantId}`, `second of ${tenantId}`]);
    }

    expect(await sharedTitles(shared.id)).toEqual([`first of ${shared.id}`, `second of ${shared.id}`]);
    expect(await sharedTitles(placed.id)).toEqual([]);
    expect(await titlesAt(url, placed.id)).toEqual([`first of ${placed.id}`, `second of ${placed.id}`]);
  });

  it('withTransaction inside withTenant is a transaction on the tenant database: it commits and rolls back there', async () => {
    const user = await factories.user.create();
    const placed = await factories.tenants.create();
    const url = await tenants.place(placed.id, dedicated);

    await withTenant(placed.id, () =>
      withTransaction(async () => {
        await TodoQueries.create({ userId: user.id, title: 'kept' });
        await TenantActivityQueries.log({ action: 'todo.created' });
      }),
    );
    const failed = withTenant(placed.id, () =>
      withTransaction(async () => {
        await TodoQueries.create({ userId: user.id, title: 'rolled back' });
        throw new Error('stop');
      }),
    );
    await expect(failed).rejects.toThrow('stop');
    expect(await titlesAt(url, placed.id)).toEqual(['kept']);
    const feed = await TenantActivityQueries.list({}, { tenantId: placed.id });
    expect(feed.items.map((e) => e.action)).toEqual(['todo.created']);
  });

  it('a transaction never spans two databases: each direction is refused with CrossDatabaseTransactionError', async () => {
    const user = await factories.user.create();
    const placed = await factories.tenants.create();
    const other = await factories.tenants.create();
    await tenants.place(placed.id, dedicated);
    await tenants.place(other.id, dedicatedToo);

    // shared tables inside a tenant-database transaction
    const sharedInTenant = withTenant(placed.id, () => withTransaction(() => UserQueries.findById(user.id)));
    await expect(sharedInTenant).rejects.toBeInstanceOf(CrossDatabaseTransactionError);
    // a placed tenant's data inside a shared-database transaction (no withTenant around it)
    const tenantInShared = withTransaction(() =>
      TodoQueries.create({ userId: user.id, title: 'x' }, { tenantId: placed.id }),
    );
    await expect(tenantInShared).rejects.toMatchObject({ code: 'cross_database', tenantId: placed.id });
    // another placed tenant inside the first one's transaction
    const otherInTenant = withTenant(placed.id, () =>
      withTransaction(() => TodoQueries.list({}, { tenantId: other.id })),
    );
    await expect(otherInTenant).rejects.toBeInstanceOf(CrossDatabaseTransactionError);
    // nothing was written anywhere
    expect((await TodoQueries.list({}, { tenantId: placed.id })).items).toEqual([]);
  });

  it('the error names the tenant and never the database URL', async () => {
    const placed = await factories.tenants.create();
    const url = await tenants.place(placed.id, dedicated);
    const error = await withTenant(placed.id, () => withTransaction(() => UserQueries.findById(placed.id))).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(CrossDatabaseTransactionError);
    expect(String((error as Error).message)).not.toContain(url.replace(/^pglite:\/\//, ''));
  });

  it('a reference into the shared database is checked there for a placed tenant, as its foreign key would be', async () => {
    const user = await factories.user.create();
    const placed = await factories.tenants.create();
    await tenants.place(placed.id, dedicated);
    const ghost = '0190a4c8-0000-7000-8000-000000000001';

    const create = TodoQueries.create({ userId: ghost, title: 'orphan' }, { tenantId: placed.id });
    await expect(create).rejects.toMatchObject({ code: 'foreign_key', constraint: 'todos_user_id_user_id_fk' });
    const many = TodoQueries.createMany(
      [
        { userId: user.id, title: 'fine' },
        { userId: ghost, title: 'orphan' },
      ],
      { tenantId: placed.id },
    );
    await expect(many).rejects.toBeInstanceOf(ForeignKeyError);
    expect(await TenantActivityQueries.log({ tenantId: placed.id, action: 'x', actorUserId: ghost })).toBeNull();
    expect((await TodoQueries.list({}, { tenantId: placed.id })).items).toEqual([]);
    expect((await TenantActivityQueries.list({}, { tenantId: placed.id })).items).toEqual([]);
  });

  it("deleting a user or a tenant reaches a placed tenant's database as the foreign keys do in the shared one", async () => {
    const owner = await factories.user.create();
    const leaving = await factories.user.create();
    const placed = await factories.tenants.create();
    const url = await tenants.place(placed.id, dedicated);
    await TenantMemberQueries.add(owner.id, 'owner', { tenantId: placed.id });
    await TenantMemberQueries.add(leaving.id, 'member', { tenantId: placed.id });
    await TodoQueries.create({ userId: owner.id, title: 'stays' }, { tenantId: placed.id });
    await TodoQueries.create({ userId: leaving.id, title: 'goes' }, { tenantId: placed.id });
    await TenantActivityQueries.log({ tenantId: placed.id, action: 'by.leaving', actorUserId: leaving.id });

    await UserQueries.delete(leaving.id);
    expect(await titlesAt(url, placed.id)).toEqual(['stays']); // cascade
    const feed = await TenantActivityQueries.list({}, { tenantId: placed.id });
    expect(feed.items.map((e) => [e.action, e.actorUserId])).toEqual([['by.leaving', null]]); // set null

    await TenantQueries.delete(placed.id);
    expect(await titlesAt(url, placed.id)).toEqual([]);
  });

  it("the retention prune reaches the placed tenants' databases too", async () => {
    const placed = await factories.tenants.create();
    const shared = await factories.tenants.create();
    await tenants.place(placed.id, dedicated);
    await TenantActivityQueries.log({ tenantId: placed.id, action: 'old.placed' });
    await TenantActivityQueries.log({ tenantId: shared.id, action: 'old.shared' });
    const deleted = await TenantActivityQueries.pruneOlderThan(new Date(Date.now() + 60_000));
    expect(deleted).toBeGreaterThanOrEqual(2);
    expect((await TenantActivityQueries.list({}, { tenantId: placed.id })).items).toEqual([]);
    expect((await TenantActivityQueries.list({}, { tenantId: shared.id })).items).toEqual([]);
  });
});
