import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../_shared.js';
import { user } from '../auth/user.js';
import { tenants } from '../tenant/tenant.js';
import { tenantOrOwnRowsPolicy } from '../../_rls.js';

/**
 * A daily event counter per user and tenant (tenant null: activity outside any tenant), written by upsert.
 * A surrogate id, not a composite key: a primary key cannot contain the nullable tenant_id. Uniqueness is the
 * NULLS NOT DISTINCT constraint instead (PostgreSQL 15+), so (user, NULL, day) is one row too and the upsert's
 * ON CONFLICT can target it. `day` is a calendar date (string 'YYYY-MM-DD'); the caller decides its time zone.
 */
export const userActivityDaily = pgTable(
  'user_activity_daily',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    eventCount: integer('event_count').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    // (user_id, day, ...) also serves the user_id FK and a user's day-range reads.
    unique('user_activity_daily_user_day_tenant_unique').on(t.userId, t.day, t.tenantId).nullsNotDistinct(),
    // Per-tenant reporting over a day range (also the tenant_id FK index).
    index('user_activity_daily_tenant_day_idx').on(t.tenantId, t.day),
    check('user_activity_daily_event_count_non_negative', sql`${t.eventCount} >= 0`),
    tenantOrOwnRowsPolicy(t.tenantId, t.userId),
  ],
);
