import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * @internal-table written only by a tenant move (src/tenancy/move-tenant.ts) and read only by the write guard: no
 * DTO, query object or factory.
 *
 * Present in every database: a row says "this tenant's data has moved away from this database". After a move the
 * write guard (drizzle/ private.tenant_write_guard, attached to the tenant-data tables by the first move) refuses
 * any write for a fenced tenant, so a process that still routes the tenant here fails and retries on the new
 * placement instead of writing where nobody reads. No foreign key: the tenant row may be gone here.
 */
export const tenantFences = pgTable('tenant_fences', {
  tenantId: uuid('tenant_id').primaryKey(),
  fencedAt: timestamp('fenced_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
}).enableRLS();
