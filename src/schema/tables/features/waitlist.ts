import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../../_shared.js';

export const WAITLIST_STATUSES = ['waiting', 'invited', 'joined'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];
export const waitlistStatus = pgEnum('waitlist_status', WAITLIST_STATUSES);

export const WAITLIST_EMAIL_MAX = 254;
export const WAITLIST_SOURCE_MAX = 100;
export const WAITLIST_REFERRER_MAX = 2048;

/**
 * People waiting for access, one row per email (joining twice returns the first row). No updated_at: the row only
 * moves waiting -> invited -> joined, and each step records its own time.
 */
export const waitlist = pgTable(
  'waitlist',
  {
    id: id(),
    email: text('email').notNull(),
    source: text('source'),
    referrer: text('referrer'),
    status: waitlistStatus('status').notNull().default('waiting'),
    createdAt: createdAt(),
    invitedAt: timestamptz('invited_at'),
    joinedAt: timestamptz('joined_at'),
  },
  (t) => [
    uniqueIndex('waitlist_email_unique').on(t.email),
    // Keyset pagination, newest first, with and without a status filter.
    index('waitlist_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('waitlist_status_created_idx').on(t.status, t.createdAt.desc(), t.id.desc()),
    check('waitlist_email_lower_case', sql`${t.email} = lower(${t.email})`),
    check('waitlist_email_length', sql`char_length(${t.email}) between 3 and ${sql.raw(String(WAITLIST_EMAIL_MAX))}`),
    check(
      'waitlist_source_length',
      sql`${t.source} is null or char_length(${t.source}) <= ${sql.raw(String(WAITLIST_SOURCE_MAX))}`,
    ),
    check(
      'waitlist_referrer_length',
      sql`${t.referrer} is null or char_length(${t.referrer}) <= ${sql.raw(String(WAITLIST_REFERRER_MAX))}`,
    ),
    // The timestamps follow the status: waiting has neither, invited has invited_at, joined has joined_at (and
    // invited_at only if an invite was sent: a person may join on their own, e.g. after a public launch).
    check(
      'waitlist_status_timestamps',
      sql`(${t.status} = 'waiting' and ${t.invitedAt} is null and ${t.joinedAt} is null)
        or (${t.status} = 'invited' and ${t.invitedAt} is not null and ${t.joinedAt} is null)
        or (${t.status} = 'joined' and ${t.joinedAt} is not null)`,
    ),
  ],
).enableRLS();
