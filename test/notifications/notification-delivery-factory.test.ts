import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { notificationTargets } from '../../src/schema/tables/notifications/notification-target.js';
import { notifications } from '../../src/schema/tables/notifications/notification.js';
import { factories } from '../../src/testing/index.js';

// The delivery factory's parents (the factories as a whole: test/testing/factories.test.ts).

it('a delivery gets a target of its notification user on its own channel', async () => {
  const delivery = await factories.notificationDeliveries.create({ channel: 'sms' });
  const notification = await db.query.notifications.findFirst({
    where: eq(notifications.id, delivery.notificationId),
  });
  const target = await db.query.notificationTargets.findFirst({
    where: eq(notificationTargets.id, delivery.targetId!),
  });
  expect(notification).toBeDefined();
  expect(target).toMatchObject({ userId: notification!.userId, channel: 'sms' });
});
