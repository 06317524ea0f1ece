import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../schema/index.js';
import { isTenantDataTable, type TenantDataTable } from '../schema/_placement.js';

// The tenant-data tables of the schema, found by their declarations (`tenantDataTable(…)` in each table's file),
// in foreign-key order: a table comes after the tenant-data tables it references, so copies insert parents first.

export function tenantDataTables(): readonly TenantDataTable[] {
  return (cached ??= inDependencyOrder(Object.values(schema).filter(isTenantDataTable)));
}

let cached: readonly TenantDataTable[] | undefined;

export function tableName(table: PgTable): string {
  return getTableConfig(table).name;
}

function inDependencyOrder(declared: TenantDataTable[]): TenantDataTable[] {
  const byName = new Map(declared.map((d) => [tableName(d.table), d]));
  const ordered: TenantDataTable[] = [];
  const visit = (d: TenantDataTable, path: Set<string>) => {
    const name = tableName(d.table);
    if (ordered.includes(d) || path.has(name)) return;
    path.add(name);
    for (const fk of getTableConfig(d.table).foreignKeys) {
      const parent = byName.get(getTableConfig(fk.reference().foreignTable).name);
      if (parent && parent !== d) visit(parent, path);
    }
    ordered.push(d);
  };
  for (const d of [...declared].sort((a, b) => tableName(a.table).localeCompare(tableName(b.table)))) {
    visit(d, new Set());
  }
  return ordered;
}
