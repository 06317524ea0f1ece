import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps, timestamptz } from '../../_shared.js';
import { user } from '../auth/user.js';

export const NOTIFICATION_CHANNELS = ['email', 'push', 'sms', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const notificationChannel = pgEnum('notification_channel', NOTIFICATION_CHANNELS);

/** Long enough for a push token or a webhook URL. */
export const NOTIFICATION_TARGET_ADDRESS_MAX = 2000;

/**
 * Where a user can be reached on one channel. Usable for deliveries when verified and not disabled.
 * An address belongs to one user: unique (channel, address) across all users.
 */
export const notificationTargets = pgTable(
  'notification_targets',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    channel: notificationChannel('channel').notNull(),
    address: text('address').notNull(),
    verifiedAt: timestamptz('verified_at'),
    disabledAt: timestamptz('disabled_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('notification_targets_channel_address_unique').on(t.channel, t.address),
    index('notification_targets_user_id_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    check(
      'notification_targets_address_length',
      sql`char_length(${t.address}) between 1 and ${sql.raw(String(NOTIFICATION_TARGET_ADDRESS_MAX))}`,
    ),
    // Emails are stored lower-case (like user.email), so the unique key cannot be dodged by case.
    check('notification_targets_email_lower_case', sql`${t.channel} <> 'email' or ${t.address} = lower(${t.address})`),
  ],
).enableRLS();
