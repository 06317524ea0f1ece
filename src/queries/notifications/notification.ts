import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  CreateNotificationSchema,
  NotificationFilterSchema,
  type CreateNotification,
  type Notification,
  type NotificationFilter,
} from '../../dto/notifications/notification.js';
import type { NotificationDelivery } from '../../dto/notifications/notification-delivery.js';
import { notificationDeliveries } from '../../schema/tables/notifications/notification-delivery.js';
import { notificationPreferences } from '../../schema/tables/notifications/notification-preference.js';
import { notificationTargets } from '../../schema/tables/notifications/notification-target.js';
import { notifications } from '../../schema/tables/notifications/notification.js';
import type { TenantScope } from '../../scope/tenant.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { findByIdInTenantOf } from '../_lib/find-by-id.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput, resolveTenantId } from '../_lib/validate.js';

const ENTITY = 'Notification';

export type ListNotificationsInput = ListInput<NotificationFilter>;

export interface CreatedNotification {
  notification: Notification;
  /** One pending delivery per usable target whose channel the user has not turned off for this type. */
  deliveries: NotificationDelivery[];
}

const findById = findByIdInTenantOf(ENTITY, notifications, 'notifications_find_by_id');

/**
 * Whether the user wants `type` on the target's channel in this tenant: the tenant's preference row wins over the
 * user's default row (tenant_id null); with neither, the channel is enabled.
 */
const channelEnabled = (tenantId: string, type: string) => sql`coalesce((
  select ${notificationPreferences.enabled} from ${notificationPreferences}
  where ${notificationPreferences.userId} = ${notificationTargets.userId}
    and ${notificationPreferences.type} = ${type}
    and ${notificationPreferences.channel} = ${notificationTargets.channel}
    and (${notificationPreferences.tenantId} = ${tenantId} or ${notificationPreferences.tenantId} is null)
  order by ${notificationPreferences.tenantId} nulls last
  limit 1
), true)`;

// The unread badge is read on every page view: prepared once per executor, values mapped by their columns.
const countUnread = preparedPerExecutor((db) =>
  db
    .select({ unread: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, sql.param(sql.placeholder('userId'), notifications.userId)),
        eq(notifications.tenantId, sql.param(sql.placeholder('tenantId'), notifications.tenantId)),
        isNull(notifications.readAt),
      ),
    )
    .prepare('notifications_unread_count'),
);

function unreadFilter(unread: boolean | undefined) {
  if (unread === undefined) return undefined;
  return unread ? isNull(notifications.readAt) : isNotNull(notifications.readAt);
}

export const NotificationQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** A user's inbox in the tenant, newest first; `filter.unread` narrows to unread (true) or read (false). */
  async list(userId: string, input: ListNotificationsInput = {}, options?: TenantScope): Promise<Page<Notification>> {
    const tenantId = resolveTenantId(ENTITY, options);
    const owner = parseId(ENTITY, userId, 'userId');
    const { limit, filter, position } = parseListInput(ENTITY, NotificationFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.tenantId, tenantId),
            eq(notifications.userId, owner),
            unreadFilter(filter.unread),
            afterCursor(notifications, position),
          ),
        )
        .orderBy(...newestFirst(notifications))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /**
   * Stores the notification and, in the same transaction, one pending delivery per target of the user that is
   * verified, not disabled, and whose channel the user's preferences leave enabled for this type (the default).
   */
  async create(input: CreateNotification, options?: TenantScope): Promise<CreatedNotification> {
    const tenantId = resolveTenantId(ENTITY, options);
    const values = parseInput(ENTITY, CreateNotificationSchema, input);
    return write((db) =>
      db.transaction(async (tx) => {
        const [notification] = await tx
          .insert(notifications)
          .values({ ...values, tenantId })
          .returning();
        const targets = await tx
          .select({ id: notificationTargets.id, channel: notificationTargets.channel })
          .from(notificationTargets)
          .where(
            and(
              eq(notificationTargets.userId, values.userId),
              isNotNull(notificationTargets.verifiedAt),
              isNull(notificationTargets.disabledAt),
              channelEnabled(tenantId, values.type),
            ),
          )
          .orderBy(notificationTargets.createdAt, notificationTargets.id);
        const deliveries =
          targets.length === 0
            ? []
            : await tx
                .insert(notificationDeliveries)
                .values(targets.map((t) => ({ notificationId: notification!.id, targetId: t.id, channel: t.channel })))
                .returning();
        return { notification: notification!, deliveries };
      }),
    );
  },

  /** Marks one of the user's notifications read; reading it again keeps the first read_at. */
  async markRead(id: string, userId: string, options?: TenantScope): Promise<Notification> {
    const tenantId = resolveTenantId(ENTITY, options);
    const notificationId = parseId(ENTITY, id);
    const owner = parseId(ENTITY, userId, 'userId');
    const [row] = await write((db) =>
      db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(
          and(
            eq(notifications.id, notificationId),
            eq(notifications.tenantId, tenantId),
            eq(notifications.userId, owner),
          ),
        )
        .returning(),
    );
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  /** Marks every unread notification of the user in the tenant read; returns how many it marked. */
  async markAllRead(userId: string, options?: TenantScope): Promise<number> {
    const tenantId = resolveTenantId(ENTITY, options);
    const owner = parseId(ENTITY, userId, 'userId');
    const rows = await write((db) =>
      db
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(eq(notifications.tenantId, tenantId), eq(notifications.userId, owner), isNull(notifications.readAt)))
        .returning({ id: notifications.id }),
    );
    return rows.length;
  },

  /** The unread badge: served by the partial index on unread rows (notifications_user_tenant_unread_idx). */
  async unreadCount(userId: string, options?: TenantScope): Promise<number> {
    const tenantId = resolveTenantId(ENTITY, options);
    const owner = parseId(ENTITY, userId, 'userId');
    const [row] = await read((db) => countUnread(db).execute({ userId: owner, tenantId }));
    return row?.unread ?? 0;
  },

  async delete(id: string, options?: TenantScope): Promise<Notification> {
    const tenantId = resolveTenantId(ENTITY, options);
    const notificationId = parseId(ENTITY, id);
    const [row] = await write((db) =>
      db
        .delete(notifications)
        .where(and(eq(notifications.id, notificationId), eq(notifications.tenantId, tenantId)))
        .returning(),
    );
    return orNotFound(row, ENTITY, `id=${id}`);
  },
};
