import { boolean, check, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../_shared.js';
import { user } from '../auth/user.js';
import { tenants } from '../tenant/tenant.js';
import { notificationChannel } from './notification-target.js';
import { notificationTypeCheck } from './notification.js';
import { tenantOrOwnRowsPolicy } from '../../_rls.js';

/**
 * A user's opt-in/out of one notification type on one channel; tenant_id null is the user's default for every
 * tenant, a row with a tenant overrides it there. No row at all means enabled.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    channel: notificationChannel('channel').notNull(),
    enabled: boolean('enabled').notNull(),
    ...timestamps(),
  },
  (t) => [
    // NULLS NOT DISTINCT (PG15+): a plain unique would let any number of (user, NULL, type, channel) rows in.
    unique('notification_preferences_user_tenant_type_channel_unique')
      .on(t.userId, t.tenantId, t.type, t.channel)
      .nullsNotDistinct(),
    index('notification_preferences_tenant_id_idx').on(t.tenantId),
    check('notification_preferences_type_format', notificationTypeCheck(t.type)),
    tenantOrOwnRowsPolicy(t.tenantId, t.userId),
  ],
);
