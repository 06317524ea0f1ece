import { randomUUID } from 'node:crypto';
import { db } from '../../src/client/db.ts';
import { notificationDeliveries } from '../../src/schema/tables/notifications/notification-deliveries.ts';
import { notificationTargets } from '../../src/schema/tables/notifications/notification-targets.ts';
import { notifications } from '../../src/schema/tables/notifications/notifications.ts';

// Notification rows written straight to the tables, for constraint tests and as parents of deliveries.

type NotificationInsert = typeof notifications.$inferInsert;

export async function insertNotification(
  parents: Pick<NotificationInsert, 'tenantId' | 'userId'> & Partial<NotificationInsert>,
) {
  const [row] = await db
    .insert(notifications)
    .values({ type: 'test.event', title: 'Something happened', ...parents })
    .returning();
  return row!;
}

type TargetInsert = typeof notificationTargets.$inferInsert;

/** A verified email target with a unique address. */
export async function insertTarget(parents: Pick<TargetInsert, 'userId'> & Partial<TargetInsert>) {
  const [row] = await db
    .insert(notificationTargets)
    .values({ channel: 'email', address: `ada-${randomUUID()}@example.com`, verifiedAt: new Date(), ...parents })
    .returning();
  return row!;
}

type DeliveryInsert = typeof notificationDeliveries.$inferInsert;

export async function insertDelivery(
  parents: Pick<DeliveryInsert, 'notificationId' | 'targetId'> & Partial<DeliveryInsert>,
) {
  const [row] = await db
    .insert(notificationDeliveries)
    .values({ channel: 'email', ...parents })
    .returning();
  return row!;
}
