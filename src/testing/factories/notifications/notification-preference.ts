import { NOTIFICATION_CHANNELS } from '../../../schema/tables/notifications/notification-target.js';
import { notificationPreferences } from '../../../schema/tables/notifications/notification-preference.js';
import { createUserFactory } from '../auth/user.js';
import { createTenantFactory } from '../tenant/tenant.js';
import { defineFactory, fake } from '../_factory.js';
import { NOTIFICATION_TYPES } from './notification.js';

/** The type carries the sequence, so two preferences of one user never collide on (user, tenant, type, channel). */
export const createNotificationPreferenceFactory = () =>
  defineFactory({
    build: (): typeof notificationPreferences.$inferInsert => ({
      userId: fake.uuid(),
      tenantId: fake.uuid(),
      type: `${fake.pick(NOTIFICATION_TYPES)}-${fake.sequence()}`,
      channel: fake.pick(NOTIFICATION_CHANNELS),
      enabled: fake.bool(),
    }),
    parents: {
      userId: async () => (await createUserFactory().create()).id,
      tenantId: async () => (await createTenantFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(notificationPreferences).values(input).returning())[0]!,
  });
