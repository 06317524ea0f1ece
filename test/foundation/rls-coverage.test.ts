import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';

// The wall has no gap: read from the catalog of the migrated database, so a new tenant table without a policy, a
// FORCE that would lock the app's own connection out, or a grant on an unwalled table fails here.

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const names = (list: { name: string }[]) => list.map((row) => row.name).sort();

describe('row-level security coverage (catalog of the migrated database)', () => {
  it('every table with a tenant_id column, and tenants, has RLS enabled, not forced, and a policy for authenticated', async () => {
    const tenantTables = names(
      await rows<{ name: string }>(sql`
        select c.relname as name from pg_attribute a
          join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and a.attname = 'tenant_id' and not a.attisdropped
        union select 'tenants'`),
    );
    const walled = await rows<{ name: string; rls: boolean; forced: boolean; policies: number }>(sql`
      select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        (select count(*)::int from pg_policy p
          where p.polrelid = c.oid and p.polroles @> array[(select oid from pg_roles where rolname = 'authenticated')])
          as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity`);

    expect(tenantTables).toHaveLength(9);
    expect(names(walled)).toEqual(tenantTables);
    for (const table of walled) expect(table, table.name).toMatchObject({ rls: true, forced: false, policies: 1 });
  });

  it('authenticated holds privileges only on walled tables, anon on none', async () => {
    const granted = await rows<{ name: string; grantee: string }>(sql`
      select distinct c.relname as name, r.rolname as grantee
      from pg_class c join pg_namespace n on n.oid = c.relnamespace,
        aclexplode(c.relacl) acl join pg_roles r on r.oid = acl.grantee
      where n.nspname = 'public' and r.rolname in ('authenticated', 'anon')
        and (not c.relrowsecurity or r.rolname = 'anon')`);
    // Column grants (UPDATE (read_at) on notifications) live in pg_attribute; those tables must be walled too.
    const columnGrants = await rows<{ name: string }>(sql`
      select distinct c.relname as name
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace,
        aclexplode(a.attacl) acl join pg_roles r on r.oid = acl.grantee
      where n.nspname = 'public' and r.rolname in ('authenticated', 'anon') and not c.relrowsecurity`);
    expect(granted).toEqual([]);
    expect(columnGrants).toEqual([]);
  });

  it('service_role bypasses RLS; authenticated and anon do not', async () => {
    const roles = await rows<{ name: string; bypass: boolean }>(sql`
      select rolname as name, rolbypassrls as bypass from pg_roles
      where rolname in ('anon', 'authenticated', 'service_role') order by rolname`);
    expect(roles).toEqual([
      { name: 'anon', bypass: false },
      { name: 'authenticated', bypass: false },
      { name: 'service_role', bypass: true },
    ]);
  });
});
