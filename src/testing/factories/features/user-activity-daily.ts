import { userActivityDaily } from '../../../schema/tables/features/user-activity-daily.js';
import { createUserFactory } from '../auth/user.js';
import { createTenantFactory } from '../tenant/tenant.js';
import { defineFactory, fake } from '../_factory.js';

export const createUserActivityDailyFactory = () =>
  defineFactory({
    build: (): typeof userActivityDaily.$inferInsert => ({
      userId: fake.uuid(),
      tenantId: fake.uuid(),
      day: fake.date(-fake.int(0, 30)).toISOString().slice(0, 10),
      eventCount: fake.int(1, 120),
    }),
    parents: {
      userId: async () => (await createUserFactory().create()).id,
      tenantId: async () => (await createTenantFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(userActivityDaily).values(input).returning())[0]!,
  });
