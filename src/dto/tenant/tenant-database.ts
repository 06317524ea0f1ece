import type { z } from 'zod';
import { tenantDatabases } from '../../schema/tables/tenant/tenant-database.js';
import { createSelectSchema } from '../_zod.js';

/** A tenant's placement as callers see it: which key sealed the URL, and how often it moved; never the URL. */
export const TenantDatabaseSchema = createSelectSchema(tenantDatabases).omit({ encryptedUrl: true });

export type TenantDatabase = z.infer<typeof TenantDatabaseSchema>;
