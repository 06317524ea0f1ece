import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../_shared.js';
import { tenants } from './tenant.js';

export const TENANT_DATABASE_KEY_ID_MAX = 64;

/**
 * Where a tenant's data lives when it is not in the shared database: control database only, server-only (RLS on,
 * no policy, no grant to the client roles). No row: the tenant is shared. `url` is the connection URL encrypted
 * with AES-256-GCM under key `key_id` of DATABASE_ENCRYPTION_KEY (src/tenancy/encryption.ts); it is decrypted in
 * memory only. `version` counts switches, so a router can tell a stale placement.
 */
export const tenantDatabases = pgTable(
  'tenant_databases',
  {
    tenantId: uuid('tenant_id')
      .primaryKey()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    encryptedUrl: text('encrypted_url').notNull(),
    keyId: text('key_id').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check(
      'tenant_databases_key_id_format',
      sql`${t.keyId} ~ ${sql.raw(`'^[A-Za-z0-9_-]{1,${TENANT_DATABASE_KEY_ID_MAX}}$'`)}`,
    ),
    check('tenant_databases_version_positive', sql`${t.version} >= 1`),
  ],
).enableRLS();
