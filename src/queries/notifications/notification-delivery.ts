import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import {
  ClaimNotificationDeliveriesSchema,
  NotificationDeliveryErrorSchema,
  type NotificationDelivery,
} from '../../dto/notifications/notification-delivery.js';
import {
  NOTIFICATION_DELIVERY_ERROR_MAX,
  notificationDeliveries,
} from '../../schema/tables/notifications/notification-delivery.js';
import { notifications } from '../../schema/tables/notifications/notification.js';
import type { TenantScope } from '../../scope/tenant.js';
import { findByIdOf } from '../_lib/find-by-id.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput, resolveTenantId } from '../_lib/validate.js';
import { truncateText } from '../_lib/truncate.js';

const ENTITY = 'NotificationDelivery';

// The worker side of notifications: deliveries are claimed, then marked sent, failed or re-queued. Status changes
// that break the order (pending -> sending -> sent | failed, sending -> pending) are refused by the
// `notification_deliveries_status_forward` trigger and surface as CheckViolationError.

const findById = findByIdOf(ENTITY, notificationDeliveries, 'notification_deliveries_find_by_id');

/** Only the caller's own text is stored: never a driver message, which could quote parameter values. */
function parseError(error: string): string {
  return truncateText(
    parseInput(ENTITY, NotificationDeliveryErrorSchema, { error }).error,
    NOTIFICATION_DELIVERY_ERROR_MAX,
  );
}

async function transition(
  id: string,
  values: PgUpdateSetSource<typeof notificationDeliveries>,
): Promise<NotificationDelivery> {
  const deliveryId = parseId(ENTITY, id);
  const [row] = await write((db) =>
    db.update(notificationDeliveries).set(values).where(eq(notificationDeliveries.id, deliveryId)).returning(),
  );
  return orNotFound(row, ENTITY, `id=${id}`);
}

export const NotificationDeliveryQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** The deliveries of one notification of the tenant, oldest first (a notification has one per target). */
  async listForNotification(notificationId: string, options?: TenantScope): Promise<NotificationDelivery[]> {
    const tenantId = resolveTenantId(ENTITY, options);
    const parentId = parseId(ENTITY, notificationId, 'notificationId');
    const rows = await read((db) =>
      db
        .select({ delivery: notificationDeliveries })
        .from(notificationDeliveries)
        .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
        .where(and(eq(notificationDeliveries.notificationId, parentId), eq(notifications.tenantId, tenantId)))
        .orderBy(asc(notificationDeliveries.createdAt), asc(notificationDeliveries.id)),
    );
    return rows.map((row) => row.delivery);
  },

  /**
   * Claims up to `limit` of the oldest pending deliveries for this worker: moves them to `sending` and counts the
   * attempt. `FOR UPDATE SKIP LOCKED` makes concurrent workers take disjoint rows instead of waiting on each other.
   * A claimed delivery whose target was deleted has `targetId` null: fail it.
   */
  async claimPending(limit: number): Promise<NotificationDelivery[]> {
    const input = parseInput(ENTITY, ClaimNotificationDeliveriesSchema, { limit });
    const rows = await write((db) => {
      const claimable = db
        .$with('claimable')
        .as(
          db
            .select({ id: notificationDeliveries.id })
            .from(notificationDeliveries)
            .where(eq(notificationDeliveries.status, 'pending'))
            .orderBy(asc(notificationDeliveries.createdAt), asc(notificationDeliveries.id))
            .limit(input.limit)
            .for('update', { skipLocked: true }),
        );
      return db
        .with(claimable)
        .update(notificationDeliveries)
        .set({ status: 'sending', attempts: sql`${notificationDeliveries.attempts} + 1` })
        .where(inArray(notificationDeliveries.id, db.select({ id: claimable.id }).from(claimable)))
        .returning();
    });
    // UPDATE ... RETURNING has no order: give the worker the queue order.
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  },

  /** sending -> sent. Idempotent: marking a sent delivery sent again keeps its first sent_at. */
  async markSent(id: string): Promise<NotificationDelivery> {
    return transition(id, { status: 'sent', sentAt: sql`coalesce(${notificationDeliveries.sentAt}, now())` });
  },

  /** sending -> failed, for good (use `requeue` to try again). `error` is stored truncated. */
  async markFailed(id: string, error: string): Promise<NotificationDelivery> {
    const lastError = parseError(error);
    return transition(id, { status: 'failed', lastError });
  },

  /** sending -> pending: the attempt failed and the delivery goes back to the queue (`attempts` keeps the count). */
  async requeue(id: string, error?: string): Promise<NotificationDelivery> {
    const lastError = error === undefined ? undefined : parseError(error);
    return transition(id, { status: 'pending', ...(lastError === undefined ? {} : { lastError }) });
  },
};
