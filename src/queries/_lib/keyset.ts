import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { uuid } from '../../dto/_fields.js';
import { ValidationError } from '../../errors/classes.js';

// Keyset pagination, newest first, on (created_at, id): page 1,000 costs what page 1 costs.

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const PageInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** Where a row stands in the keyset order: its creation time and its unique id (a membership's is its user). */
export interface Position {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: Position): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

// Years 1000-9999 only: Postgres rejects or misreads others (year 0, five-digit years), and we never issue them.
const cursorShape = z.tuple([z.iso.datetime().regex(/^[1-9]\d{3}-/), uuid()]);

export function decodeCursor(entity: string, cursor: string): Position {
  const parsed = cursorShape.safeParse(Buffer.from(cursor, 'base64url').toString('utf8').split('|'));
  if (!parsed.success) {
    throw new ValidationError(
      entity,
      new z.ZodError([{ code: 'custom', path: ['cursor'], message: 'Invalid cursor', input: undefined }]),
    );
  }
  return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
}

export function afterCursor(
  columns: { createdAt: PgColumn; id: PgColumn },
  position: Position | undefined,
): SQL | undefined {
  if (!position) return undefined;
  // A row comparison, so the (…, created_at desc, id desc) index serves it as one range scan.
  return sql`(${columns.createdAt}, ${columns.id}) < (${sql.param(position.createdAt, columns.createdAt)}, ${sql.param(position.id, columns.id)})`;
}

/**
 * `afterCursor` for a prepared query: the position comes as the placeholders `cursorCreatedAt` and `cursorId`, each
 * mapped by its column as a bound value is (a bare placeholder would skip the mapping).
 */
export function afterCursorPlaceholder(columns: { createdAt: PgColumn; id: PgColumn }): SQL {
  const createdAt = sql.param(sql.placeholder('cursorCreatedAt'), columns.createdAt);
  const id = sql.param(sql.placeholder('cursorId'), columns.id);
  return sql`(${columns.createdAt}, ${columns.id}) < (${createdAt}, ${id})`;
}

/**
 * `desc nulls last` spelled out: Drizzle's `.desc()` index is `DESC NULLS LAST`, while a plain `order by ... desc`
 * means `NULLS FIRST`, which that index cannot serve, so every page sorted the tenant's whole table (measured by
 * `pnpm bench`: 570 ms for a page of a 1,000,000-row tenant, 0.3 ms with the index). The columns are not null, so
 * the order is the same.
 */
export function newestFirst(columns: { createdAt: PgColumn; id: PgColumn }): SQL[] {
  return [sql`${columns.createdAt} desc nulls last`, sql`${columns.id} desc nulls last`];
}

/**
 * Query `limit + 1` rows, then call this: the extra row only tells whether another page exists. `positionOf` maps a
 * row whose keyset columns are not `createdAt` and `id` (a membership pages on its `userId`).
 */
export function toPage<T extends Position>(rows: T[], limit: number): Page<T>;
export function toPage<T>(rows: T[], limit: number, positionOf: (row: T) => Position): Page<T>;
export function toPage<T>(rows: T[], limit: number, positionOf = (row: T) => row as Position): Page<T> {
  const items = rows.length > limit ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}
