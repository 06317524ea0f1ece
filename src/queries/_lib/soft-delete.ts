import { isNull, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export interface SoftDeleteOptions {
  /** Include soft-deleted rows (default: hidden). */
  withDeleted?: boolean;
}

/** The one place that hides soft-deleted rows; every read of a soft-delete table goes through it. */
export function liveRows(table: { deletedAt: PgColumn }, options?: SoftDeleteOptions): SQL | undefined {
  return options?.withDeleted ? undefined : isNull(table.deletedAt);
}
