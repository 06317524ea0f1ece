import { eq, sql } from 'drizzle-orm';
import { sharedExecutor, tenantRouter } from '../client/executor.js';
import type { Database, Executor } from '../client/types.js';
import * as schema from '../schema/index.js';
import { isTenantMirrorTable, type TenantMirrorTable } from '../schema/_placement.js';
import { tableName } from './tenant-data-tables.js';

// The memberships a dedicated database hosts (docs/tenant-databases.md): RLS there asks private.auth_tenant_ids(),
// which reads tenant_members, so a dedicated database holds a copy of its tenants' memberships. The control database
// stays the one that decides: a copy is written after the control write (before it, for a removal, so a failure
// leaves less access rather than more), and `syncTenantMembers` rebuilds it from control at any time.

/** The mirrored control tables of the schema (`tenantMirrorTable(…)` next to each table). */
export function tenantMirrorTables(): readonly TenantMirrorTable[] {
  return (cached ??= Object.values(schema).filter(isTenantMirrorTable));
}

let cached: readonly TenantMirrorTable[] | undefined;

/**
 * Disables the triggers of each mirrored table in a dedicated database: its rows are copies of control rows (the
 * last-owner rule ran in control; updated_at comes with the row), and a rule re-checked on a partial copy could
 * refuse a copy control already accepted. Idempotent.
 */
export async function disableMirrorTriggers(db: Database): Promise<void> {
  for (const mirror of tenantMirrorTables()) {
    await db.execute(sql`alter table ${sql.identifier(tableName(mirror.table))} disable trigger user`);
  }
}

/**
 * Makes `target`'s copy of the tenant's mirrored rows equal to `source`'s (the control database), in one
 * transaction on `target`: a reader there sees the old copy or the new one.
 */
export async function anchorMembers(source: Executor, target: Database, tenantId: string): Promise<void> {
  const copies: { mirror: TenantMirrorTable; rows: Record<string, unknown>[] }[] = [];
  for (const mirror of tenantMirrorTables()) {
    copies.push({ mirror, rows: await source.select().from(mirror.table).where(eq(mirror.tenantId, tenantId)) });
  }
  await target.transaction(async (tx) => {
    for (const { mirror, rows } of copies) {
      await tx.delete(mirror.table).where(eq(mirror.tenantId, tenantId));
      if (rows.length > 0) await tx.insert(mirror.table).values(rows);
    }
  });
}

/**
 * Rebuilds a placed tenant's copy of its memberships from the control database; nothing for a shared tenant or
 * without tenant databases. The repair after a membership change outside TenantMemberQueries (an accepted invite, a
 * deleted user, a failed second step); call it outside a transaction, after the change committed.
 */
export async function syncTenantMembers(tenantId: string): Promise<void> {
  const lease = await tenantRouter()?.acquire(tenantId);
  if (!lease) return;
  try {
    await anchorMembers(sharedExecutor(), lease.db, tenantId);
  } finally {
    lease.release();
  }
}
