import { eq } from 'drizzle-orm';
import { currentExecutor } from '../../../client/executor.js';
import { notificationDeliveries } from '../../../schema/tables/notifications/notification-delivery.js';
import { NOTIFICATION_CHANNELS } from '../../../schema/tables/notifications/notification-target.js';
import { notifications } from '../../../schema/tables/notifications/notification.js';
import { defineFactory, fake } from '../_factory.js';
import { createNotificationTargetFactory, fakeAddress } from './notification-target.js';
import { createNotificationFactory } from './notification.js';

/** A pending delivery; the target `create` makes belongs to the notification's user and has the delivery's channel. */
export const createNotificationDeliveryFactory = () =>
  defineFactory({
    build: (): typeof notificationDeliveries.$inferInsert => ({
      notificationId: fake.uuid(),
      targetId: fake.uuid(),
      channel: fake.pick(NOTIFICATION_CHANNELS),
      status: 'pending',
      attempts: 0,
    }),
    parents: {
      notificationId: async () => (await createNotificationFactory().create()).id,
      targetId: async ({ notificationId, channel }) => {
        const [owner] = await currentExecutor()
          .select({ userId: notifications.userId })
          .from(notifications)
          .where(eq(notifications.id, notificationId));
        const target = await createNotificationTargetFactory().create({
          userId: owner!.userId,
          channel,
          address: fakeAddress(channel),
          verifiedAt: fake.date(-7),
        });
        return target.id;
      },
    },
    insert: async (db, input) => (await db.insert(notificationDeliveries).values(input).returning())[0]!,
  });
