import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../_shared.js';

/**
 * Better Auth's `user` model; the table and column names are the ones its Drizzle adapter expects. Ids are `uuid`:
 * configure Better Auth with `advanced: { database: { generateId: 'uuid' } }` (its Drizzle adapter then leaves `id`
 * out of inserts and our default applies; see test/auth/better-auth.test.ts).
 */
export const user = pgTable(
  'user',
  {
    id: id(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('user_email_unique').on(t.email),
    // Keyset pagination of the user list, newest first: (created_at desc, id desc).
    index('user_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    check('user_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
).enableRLS();
