import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { databaseKeyOf, SHARED_DATABASE, sharedExecutor, tenantRouter } from '../../client/executor.js';
import { ForeignKeyError } from '../../errors/classes.js';
import { isTenantDataTable, type TenantDataTable } from '../../schema/_placement.js';
import * as schema from '../../schema/index.js';
import { write } from './run.js';

// A placed tenant's database has no foreign keys into the control database (the referenced rows are not there):
// the check moves here. A shared tenant's rows keep the real constraint, so this costs them nothing.

/**
 * Throws the `ForeignKeyError` the dropped constraint would have raised when a value of one of the table's control
 * references (e.g. `todos.user_id`) names no row in the control database. Call it before writing a placed tenant's
 * rows; `rows` holds the values by property name, as the insert gets them.
 */
export async function checkControlReferences(
  declared: TenantDataTable,
  rows: readonly Record<string, unknown>[],
  tenantId: string,
): Promise<void> {
  const router = tenantRouter();
  if (!router || declared.controlReferences.length === 0) return;
  const lease = await router.acquire(tenantId);
  if (!lease) return;
  lease.release();
  for (const column of declared.controlReferences) {
    const reference = referenceOf(declared, column);
    const key = propertyOf(declared, column);
    const wanted = [...new Set(rows.map((row) => row[key]).filter((v): v is string => typeof v === 'string'))];
    if (wanted.length === 0) continue;
    const found = await sharedExecutor()
      .select({ id: reference.foreignColumn })
      .from(reference.foreignTable)
      .where(inArray(reference.foreignColumn, wanted));
    if (found.length < wanted.length) throw new ForeignKeyError(reference.name);
  }
}

function referenceOf(declared: TenantDataTable, column: PgColumn) {
  const config = getTableConfig(declared.table);
  for (const fk of config.foreignKeys) {
    const { columns, foreignColumns, foreignTable } = fk.reference();
    if (columns.length === 1 && columns[0] === column) {
      return { name: fk.getName(), foreignTable, foreignColumn: foreignColumns[0]!, onDelete: fk.onDelete };
    }
  }
  throw new Error(`${config.name}.${column.name} is declared a control reference but has no foreign key`);
}

function propertyOf(declared: TenantDataTable, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(declared.table)).find(([, c]) => c === column);
  return entry?.[0] ?? column.name;
}

/**
 * Before a control row (a user) is deleted: in the placed tenant's own database, what the dropped foreign keys
 * would have done to rows referencing it (`cascade` deletes them, `set null` clears the column). Nothing for a
 * shared tenant (the real constraint acts) or without tenant databases.
 */
export async function applyControlDelete(tenantId: string, table: PgTable, id: string): Promise<void> {
  if (!tenantRouter()) return;
  await write(async (db) => {
    if (databaseKeyOf(db) === SHARED_DATABASE) return;
    for (const declared of tenantDataDeclarations()) {
      for (const column of declared.controlReferences) {
        const reference = referenceOf(declared, column);
        if (reference.foreignTable !== table) continue;
        const rows = and(eq(declared.tenantId, tenantId), eq(column, id));
        if (reference.onDelete === 'cascade') await db.delete(declared.table).where(rows);
        else if (reference.onDelete === 'set null') {
          await db
            .update(declared.table)
            .set({ [propertyOf(declared, column)]: null })
            .where(rows);
        }
      }
    }
  }, tenantId);
}

function tenantDataDeclarations(): TenantDataTable[] {
  return Object.values(schema).filter(isTenantDataTable);
}
