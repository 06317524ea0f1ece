import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from './uuidv7.js';

// Column helpers spread into every table. Functions, so each table gets its own builders.

/** uuid primary key: UUIDv7 from the app for Drizzle inserts, gen_random_uuid() for everyone else. */
export const id = () => uuid('id').primaryKey().defaultRandom().$defaultFn(uuidv7);

/**
 * Every timestamp is `timestamptz(3)`: millisecond precision is what a JS `Date` holds, so a value read back and
 * written again (a keyset cursor, an update) compares equal instead of being off by microseconds.
 */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const createdAt = () => timestamptz('created_at').notNull().defaultNow();

/**
 * `updated_at` is kept by the `set_updated_at` trigger (see drizzle/), so raw SQL and other clients keep it too.
 * No `$onUpdate`: the trigger already does it, and one clock (the database's) orders the rows.
 */
export const updatedAt = () => timestamptz('updated_at').notNull().defaultNow();

export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** Soft delete: only on tables whose reads must hide deleted rows (see queries/_lib/soft-delete.ts). */
export const deletedAt = () => ({ deletedAt: timestamptz('deleted_at') });
