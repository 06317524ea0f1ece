import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { deletedAt, id, timestamps } from '../../_shared.js';
import { tenantRowsPolicy } from '../../_rls.js';

/** Free-form attributes no query filters on; promote a key to a column the day one does. */
export type TenantCustomAttributes = Record<string, unknown>;

export const TENANT_NAME_MAX = 200;

export const tenants = pgTable(
  'tenants',
  {
    id: id(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    customAttributes: jsonb('custom_attributes').$type<TenantCustomAttributes>().notNull().default({}),
    ...timestamps(),
    ...deletedAt(),
  },
  (t) => [
    uniqueIndex('tenants_slug_unique').on(t.slug),
    index('tenants_created_at_live_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    check('tenants_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('tenants_name_length', sql`char_length(${t.name}) between 1 and ${sql.raw(String(TENANT_NAME_MAX))}`),
    check('tenants_custom_attributes_object', sql`jsonb_typeof(${t.customAttributes}) = 'object'`),
    tenantRowsPolicy(t.id),
  ],
);
