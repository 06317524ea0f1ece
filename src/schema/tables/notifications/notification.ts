import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid, type PgColumn } from 'drizzle-orm/pg-core';
import { tenantId } from '../../_tenant.js';
import { createdAt, id, timestamptz } from '../../_shared.js';
import { user } from '../auth/user.js';
import { tenantRowsPolicy } from '../../_rls.js';

export const NOTIFICATION_TYPE_MAX = 100;
/** A dotted lower-case identifier such as `invite.accepted` or `billing.payment_failed`. */
export const NOTIFICATION_TYPE_PATTERN = '^[a-z0-9]+([._-][a-z0-9]+)*$';
export const NOTIFICATION_TITLE_MAX = 200;
export const NOTIFICATION_BODY_MAX = 5000;

/** The type rule, shared with notification_preferences so a preference can name any type a notification has. */
export const notificationTypeCheck = (type: PgColumn) =>
  sql`char_length(${type}) <= ${sql.raw(String(NOTIFICATION_TYPE_MAX))} and ${type} ~ '${sql.raw(NOTIFICATION_TYPE_PATTERN)}'`;

/** Free-form payload for the client (links, ids); no query filters on it. Plain type: table files import no DTO. */
export type NotificationData = Record<string, unknown>;

/** An in-app notification for one user in one tenant; `read_at` null means unread. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    data: jsonb('data').$type<NotificationData>().notNull().default({}),
    readAt: timestamptz('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // The inbox, newest first, keyset on (created_at, id).
    index('notifications_tenant_user_created_idx').on(t.tenantId, t.userId, t.createdAt.desc(), t.id.desc()),
    // The unread badge: count(*) over unread rows only, so the index stays as small as the unread backlog.
    index('notifications_user_tenant_unread_idx')
      .on(t.userId, t.tenantId)
      .where(sql`${t.readAt} is null`),
    // Serves the cascade when a user is deleted (the indexes above start with tenant_id or are partial).
    index('notifications_user_id_idx').on(t.userId),
    check('notifications_type_format', notificationTypeCheck(t.type)),
    check(
      'notifications_title_length',
      sql`char_length(${t.title}) between 1 and ${sql.raw(String(NOTIFICATION_TITLE_MAX))}`,
    ),
    check(
      'notifications_body_length',
      sql`${t.body} is null or char_length(${t.body}) <= ${sql.raw(String(NOTIFICATION_BODY_MAX))}`,
    ),
    check('notifications_data_object', sql`jsonb_typeof(${t.data}) = 'object'`),
    tenantRowsPolicy(t.tenantId),
  ],
);
