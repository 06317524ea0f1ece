import { sql } from 'drizzle-orm';
import { check, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../_shared.js';

export const ADMIN_ROLE_NAME_MAX = 100;
export const ADMIN_ROLE_DESCRIPTION_MAX = 1000;

/** A staff role: a named set of permission strings (e.g. `users:read`) the back office checks. */
export const adminRoles = pgTable(
  'admin_roles',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    permissions: text('permissions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('admin_roles_name_unique').on(t.name),
    check('admin_roles_name_length', sql`char_length(${t.name}) between 1 and ${sql.raw(String(ADMIN_ROLE_NAME_MAX))}`),
    check(
      'admin_roles_description_length',
      sql`${t.description} is null or char_length(${t.description}) <= ${sql.raw(String(ADMIN_ROLE_DESCRIPTION_MAX))}`,
    ),
  ],
).enableRLS();
