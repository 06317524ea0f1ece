import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { getTableConfig, type PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../client/types.js';
import type { TenantDataTable } from '../schema/_placement.js';
import { selectRows } from './sql-rows.js';
import { tableName } from './tenant-data-tables.js';

// One tenant's rows of one tenant-data table, as a move reads, compares and writes them. Row hashes are the md5 of
// the row's JSON with the session in UTC, so the same row hashes the same on any server or PGlite.

export function primaryKeyOf(declared: TenantDataTable): PgColumn {
  const config = getTableConfig(declared.table);
  const key = config.columns.filter((c) => c.primary);
  if (key.length !== 1) throw new Error(`${config.name}: a tenant-data table needs a one-column primary key to move`);
  return key[0]!;
}

/** Primary key (as text) → row hash, for the tenant's rows. Run it inside a transaction (it sets the time zone). */
export async function rowHashes(
  db: Executor,
  declared: TenantDataTable,
  tenantId: string,
  keys?: readonly string[],
): Promise<Map<string, string>> {
  if (keys && keys.length > KEYS_PER_STATEMENT) {
    const all = new Map<string, string>();
    for (const part of chunks(keys)) for (const [k, h] of await rowHashes(db, declared, tenantId, part)) all.set(k, h);
    return all;
  }
  if (keys?.length === 0) return new Map();
  await db.execute(sql`set local timezone = 'UTC'`);
  const table = sql.identifier(tableName(declared.table));
  const key = sql.identifier(primaryKeyOf(declared).name);
  const tenant = sql.identifier(declared.tenantId.name);
  const rows = await selectRows<{ k: string; h: string }>(
    db,
    sql`select t.${key}::text as k, md5(row_to_json(t)::text) as h from ${table} t where t.${tenant} = ${tenantId}${
      keys
        ? sql` and t.${key}::text in (${sql.join(
            keys.map((k) => sql`${k}`),
            sql`, `,
          )})`
        : sql``
    }`,
  );
  return new Map(rows.map((r) => [r.k, r.h]));
}

/** One digest of all the tenant's rows in a table (count and content), to compare two databases' copies. */
export function digestOf(hashes: Map<string, string>): string {
  return [...hashes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, h]) => `${k}:${h}`)
    .join(',');
}

export async function readRows(
  db: Executor,
  declared: TenantDataTable,
  tenantId: string,
  keys?: readonly string[],
): Promise<Record<string, unknown>[]> {
  const key = primaryKeyOf(declared);
  const select = (where?: readonly string[]) =>
    db
      .select()
      .from(declared.table)
      .where(and(eq(declared.tenantId, tenantId), where ? inArray(key, [...where]) : undefined));
  if (!keys) return select();
  const rows: Record<string, unknown>[] = [];
  for (const part of chunks(keys)) rows.push(...(await select(part)));
  return rows;
}

const KEYS_PER_STATEMENT = 10_000;

function chunks(keys: readonly string[]): string[][] {
  const parts: string[][] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) parts.push(keys.slice(i, i + KEYS_PER_STATEMENT));
  return parts;
}

export async function insertRows(
  db: Executor,
  declared: TenantDataTable,
  rows: readonly Record<string, unknown>[],
  chunkSize: number,
): Promise<void> {
  const perRow = Object.keys(getTableColumns(declared.table)).length;
  const size = Math.max(1, Math.min(chunkSize, Math.floor(60_000 / perRow)));
  for (let i = 0; i < rows.length; i += size) {
    await db.insert(declared.table).values(rows.slice(i, i + size) as never);
  }
}

export async function deleteRows(
  db: Executor,
  declared: TenantDataTable,
  tenantId: string,
  keys?: readonly string[],
): Promise<void> {
  const key = primaryKeyOf(declared);
  const remove = (where?: readonly string[]) =>
    db.delete(declared.table).where(and(eq(declared.tenantId, tenantId), where ? inArray(key, [...where]) : undefined));
  if (!keys) return void (await remove());
  for (const part of chunks(keys)) await remove(part);
}
