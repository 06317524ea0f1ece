import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps, timestamptz } from '../../_shared.js';
import { notificationChannel, notificationTargets } from './notification-target.js';
import { notifications } from './notification.js';

/**
 * pending -> sending (claimed by a worker) -> sent | failed, or sending -> pending to retry after a failed attempt.
 * sent and failed are terminal; the `notification_deliveries_status_forward` trigger enforces it.
 */
export const NOTIFICATION_DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type NotificationDeliveryStatus = (typeof NOTIFICATION_DELIVERY_STATUSES)[number];
export const notificationDeliveryStatus = pgEnum('notification_delivery_status', NOTIFICATION_DELIVERY_STATUSES);

export const NOTIFICATION_DELIVERY_ERROR_MAX = 1000;

/** One attempt to push a notification out through one target (an outbox row claimed with FOR UPDATE SKIP LOCKED). */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: id(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    // set null: removing an address must neither fail nor erase the record of what was sent through it
    // (the channel is kept on the row). A worker that claims a delivery without a target fails it.
    targetId: uuid('target_id').references(() => notificationTargets.id, { onDelete: 'set null' }),
    channel: notificationChannel('channel').notNull(),
    status: notificationDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamptz('sent_at'),
    ...timestamps(),
  },
  (t) => [
    // One delivery per target per notification; also the index of the notification_id foreign key.
    uniqueIndex('notification_deliveries_notification_target_unique').on(t.notificationId, t.targetId),
    index('notification_deliveries_target_id_idx').on(t.targetId),
    // Workers claim the oldest pending rows first; the index holds only the queue, not the history.
    index('notification_deliveries_pending_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    check('notification_deliveries_attempts_non_negative', sql`${t.attempts} >= 0`),
    check('notification_deliveries_sent_at_iff_sent', sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
    check(
      'notification_deliveries_last_error_length',
      sql`${t.lastError} is null or char_length(${t.lastError}) <= ${sql.raw(String(NOTIFICATION_DELIVERY_ERROR_MAX))}`,
    ),
  ],
).enableRLS();
