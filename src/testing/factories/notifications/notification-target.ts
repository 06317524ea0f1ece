import {
  NOTIFICATION_CHANNELS,
  notificationTargets,
  type NotificationChannel,
} from '../../../schema/tables/notifications/notification-target.js';
import { createUserFactory } from '../auth/user.js';
import { defineFactory, fake } from '../_factory.js';

/** A unique address that `CreateNotificationTargetSchema` accepts for `channel`. */
export function fakeAddress(channel: NotificationChannel): string {
  const n = fake.sequence();
  switch (channel) {
    case 'email':
      return fake.email();
    case 'sms':
      return `+1415${String(n).padStart(7, '0')}`;
    case 'push':
      return `push-${fake.token()}-${n}`;
    case 'webhook':
      return `https://hooks.example.com/${fake.word()}/${n}`;
  }
}

export const createNotificationTargetFactory = () =>
  defineFactory({
    build: (): typeof notificationTargets.$inferInsert => {
      const channel = fake.pick(NOTIFICATION_CHANNELS);
      return {
        userId: fake.uuid(),
        channel,
        address: fakeAddress(channel),
        verifiedAt: fake.bool(0.8) ? fake.date(-7) : null,
        disabledAt: null,
      };
    },
    parents: {
      userId: async () => (await createUserFactory().create()).id,
      // Runs only when the caller passes no address, so an overridden channel still gets an address of its kind.
      address: async ({ channel }) => fakeAddress(channel),
    },
    insert: async (db, input) => (await db.insert(notificationTargets).values(input).returning())[0]!,
  });
