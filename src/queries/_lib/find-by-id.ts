import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { TenantScope } from '../../scope/tenant.js';
import { preparedPerExecutor } from './prepared.js';
import { read } from './run.js';
import { parseId, resolveTenantId } from './validate.js';

type Row<T extends PgTable> = T['$inferSelect'];

/**
 * `findById` by primary key: `select * from <table> where id = $id limit 1`, prepared once per executor under
 * `statement`. The id is parsed first (a ValidationError, no SQL) and mapped as its column maps values, since a
 * placeholder's value skips the column's mapping.
 */
export function findByIdOf<T extends PgTable & { id: PgColumn }>(entity: string, table: T, statement: string) {
  const prepared = preparedPerExecutor((db) =>
    db
      .select()
      .from(table as PgTable)
      .where(eq(table.id, sql.placeholder('id')))
      .limit(1)
      .prepare(statement),
  );
  return async (id: string): Promise<Row<T> | null> => {
    const key = table.id.mapToDriverValue(parseId(entity, id));
    const rows = await read((db) => prepared(db).execute({ id: key }));
    return (rows[0] as Row<T> | undefined) ?? null;
  };
}

/** `findById` of a tenant-scoped table: the same lookup, within the caller's tenant (`{ tenantId }` or `withTenant`). */
export function findByIdInTenantOf<T extends PgTable & { id: PgColumn; tenantId: PgColumn }>(
  entity: string,
  table: T,
  statement: string,
) {
  const prepared = preparedPerExecutor((db) =>
    db
      .select()
      .from(table as PgTable)
      .where(and(eq(table.id, sql.placeholder('id')), eq(table.tenantId, sql.placeholder('tenantId'))))
      .limit(1)
      .prepare(statement),
  );
  return async (id: string, options?: TenantScope): Promise<Row<T> | null> => {
    const tenantId = table.tenantId.mapToDriverValue(resolveTenantId(entity, options));
    const key = table.id.mapToDriverValue(parseId(entity, id));
    const rows = await read((db) => prepared(db).execute({ id: key, tenantId }));
    return (rows[0] as Row<T> | undefined) ?? null;
  };
}
