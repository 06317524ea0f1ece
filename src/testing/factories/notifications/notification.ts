import { notifications } from '../../../schema/tables/notifications/notification.js';
import { createUserFactory } from '../auth/user.js';
import { createTenantFactory } from '../tenant/tenant.js';
import { defineFactory, fake } from '../_factory.js';

export const NOTIFICATION_TYPES = ['todo.assigned', 'invite.accepted', 'billing.payment_failed', 'comment.created'];

export const createNotificationFactory = () =>
  defineFactory({
    build: (): typeof notifications.$inferInsert => ({
      tenantId: fake.uuid(),
      userId: fake.uuid(),
      type: fake.pick(NOTIFICATION_TYPES),
      title: `${fake.words(3)}`,
      body: fake.bool() ? fake.words(10) : null,
      data: { url: `/todos/${fake.uuid()}` },
      readAt: fake.bool(0.3) ? fake.date(-1) : null,
    }),
    parents: {
      tenantId: async () => (await createTenantFactory().create()).id,
      userId: async () => (await createUserFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(notifications).values(input).returning())[0]!,
  });
