import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { lintDatabaseSecurity } from '../../src/migrate/security-lints.js';
import * as schema from '../../src/schema/index.js';

// The wall has no gap: read from the catalog of the migrated database, so a table without RLS, a tenant table
// granted to clients without its policy, a FORCE that would lock the app's own connection out, or a grant to anon
// fails here.

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe('row-level security coverage (catalog of the migrated database)', () => {
  it('every table has RLS enabled and not forced; every tenant table a client role may touch has its policy', async () => {
    const tables = await rows<{
      name: string;
      rls: boolean;
      forced: boolean;
      tenant: boolean;
      policies: number;
      granted: boolean;
    }>(sql`
      select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        c.relname = 'tenants' or exists (select from pg_attribute a
          where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant,
        (select count(*)::int from pg_policy p
          where p.polrelid = c.oid and p.polroles @> array[(select oid from pg_roles where rolname = 'authenticated')])
          as policies,
        has_table_privilege('authenticated', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')
          or has_any_column_privilege('authenticated', c.oid, 'SELECT, INSERT, UPDATE') as granted
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`);

    // At least the schema's tenant tables (the template has 9; a team adds or removes some).
    const schemaTenantTables = Object.values(schema as Record<string, unknown>)
      .flatMap((value) => (is(value, PgTable) ? [getTableConfig(value)] : []))
      .filter((table) => table.name === 'tenants' || table.columns.some((column) => column.name === 'tenant_id'));
    expect(schemaTenantTables.length).toBeGreaterThan(0);
    expect(tables.filter((table) => table.tenant).length).toBeGreaterThanOrEqual(schemaTenantTables.length);
    for (const table of tables) {
      expect(table, table.name).toMatchObject({ rls: true, forced: false });
      if (table.granted)
        expect(table, `${table.name} is granted to authenticated`).toMatchObject({ tenant: true, policies: 1 });
    }
    for (const table of tables.filter((t) => t.policies > 0))
      expect(table, 'a policy on a non-tenant table').toMatchObject({ tenant: true });
  });

  it('anon holds no privilege on any table or column', async () => {
    const granted = await rows<{ name: string }>(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and (has_table_privilege('anon', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
          or has_any_column_privilege('anon', c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'))`);
    expect(granted).toEqual([]);
  });

  it('the security lints find nothing (RLS, secrets, search_path, SECURITY DEFINER)', async () => {
    const catalog = { query: <T>(text: string) => rows<T>(sql.raw(text)) };
    expect(await lintDatabaseSecurity(catalog)).toEqual([]);
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
