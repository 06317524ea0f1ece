import { eq, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../client/types.js';
import type { PgliteHandle } from '../client/pglite.js';
import { migrate, pgliteMigrationConnection, readMigrationFiles, runMigrations } from '../migrate/index.js';
import { defaultMigrationsFolder } from '../migrate/migration-files.js';
import { NotFoundError } from '../errors/classes.js';
import { tenants } from '../schema/tables/tenant/tenant.js';
import { anchorMembers, disableMirrorTriggers, tenantMirrorTables } from './members.js';
import { tableName, tenantDataTables } from './tenant-data-tables.js';

// A tenant's own database has the whole schema (one set of migrations everywhere) and differs in declared ways:
// the foreign keys from tenant data to control tables are dropped (those rows live in the control database; the
// query objects check them there), and it holds an anchor copy of each tenant row it hosts, which the tenant_id
// foreign keys point at, with a copy of its memberships, which RLS reads there (src/tenancy/members.ts).

/** Migrates the database behind `handle` (its URL is `url`) and drops the control references; idempotent. */
export async function prepareTenantDatabase(url: string, handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    const client = (handle as PgliteHandle).client;
    await runMigrations(
      pgliteMigrationConnection(client, handle.description),
      readMigrationFiles(defaultMigrationsFolder),
      () => {},
    );
  } else {
    await migrate({ url, log: () => {} });
  }
  await dropControlReferences(handle.db);
  await disableMirrorTriggers(handle.db);
}

/** Drops each foreign key from a tenant-data (or mirrored) column to a control table (found by its columns). */
export async function dropControlReferences(db: Database): Promise<void> {
  for (const declared of [...tenantDataTables(), ...tenantMirrorTables()]) {
    for (const column of declared.controlReferences) {
      const table = tableName(declared.table);
      const rows = (await db.execute(sql`
        select c.conname as name
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.contype = 'f' and c.conrelid = ${`public.${quoteIdent(table)}`}::regclass
          and a.attname = ${column.name} and cardinality(c.conkey) = 1
      `)) as unknown as { name: string }[] | { rows: { name: string }[] };
      for (const { name } of Array.isArray(rows) ? rows : rows.rows) {
        await db.execute(sql`alter table ${sql.identifier(table)} drop constraint ${sql.identifier(name)}`);
      }
    }
  }
}

/**
 * Copies the tenant row into `target` (insert or refresh), so the tenant_id foreign keys there hold, and its
 * memberships (replacing the copy there), so RLS there knows its members.
 */
export async function anchorTenant(source: Database, target: Database, tenantId: string): Promise<void> {
  const [row] = await source.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (!row) throw new NotFoundError('Tenant', `id=${tenantId}`);
  await target
    .insert(tenants)
    .values(row)
    .onConflictDoUpdate({ target: tenants.id, set: { name: row.name, slug: row.slug, deletedAt: row.deletedAt } });
  await anchorMembers(source, target, tenantId);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
