import { uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tables/tenant/tenant.js';

// Separate from _shared.ts: `tenants` itself uses _shared.ts, and importing it there would be a cycle.

/** The owning tenant; deleting the tenant deletes the row. Pair it with an index that starts with tenant_id. */
export const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });
