import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

// Which rows may live in a tenant's own database (see docs/tenant-databases.md). A table is tenant data when every
// row belongs to one tenant and only that tenant's calls touch it; everything else (auth, tenants and memberships,
// admin, system, billing, notifications fan-out) stays in the control database. Each tenant-data table declares
// itself next to its definition, so `pnpm db:remove` takes the declaration with the table.

/** A tenant-data table: where its tenant column is and which of its columns point into the control database. */
export interface TenantDataTable {
  readonly kind: 'tenantData';
  readonly table: PgTable;
  readonly tenantId: PgColumn;
  /**
   * Foreign keys to control tables (users, say). In a dedicated database those rows are not there, so the
   * constraint is dropped in that database and the query objects check the reference against the control database.
   */
  readonly controlReferences: readonly PgColumn[];
}

export function tenantDataTable(
  table: PgTable,
  tenantId: PgColumn,
  controlReferences: readonly PgColumn[] = [],
): TenantDataTable {
  return { kind: 'tenantData', table, tenantId, controlReferences };
}

export function isTenantDataTable(value: unknown): value is TenantDataTable {
  return typeof value === 'object' && value !== null && (value as TenantDataTable).kind === 'tenantData';
}

/**
 * A control table whose rows of a tenant are copied into that tenant's own database: the control database decides
 * every change, the copy is what the database's own RLS policies read there (tenant_members, for
 * private.auth_tenant_ids()). In a dedicated database its `controlReferences` are dropped, as for tenant data, and
 * its triggers are disabled (rules such as the last owner run where the change is decided; the copy takes the
 * control row as it is, timestamps included).
 */
export interface TenantMirrorTable {
  readonly kind: 'tenantMirror';
  readonly table: PgTable;
  readonly tenantId: PgColumn;
  readonly controlReferences: readonly PgColumn[];
}

export function tenantMirrorTable(
  table: PgTable,
  tenantId: PgColumn,
  controlReferences: readonly PgColumn[] = [],
): TenantMirrorTable {
  return { kind: 'tenantMirror', table, tenantId, controlReferences };
}

export function isTenantMirrorTable(value: unknown): value is TenantMirrorTable {
  return typeof value === 'object' && value !== null && (value as TenantMirrorTable).kind === 'tenantMirror';
}
