import { session } from '../../../schema/tables/auth/session.js';
import { defineFactory, fake, fromNow } from '../_factory.js';
import { createUserFactory } from './user.js';

export const createSessionFactory = () =>
  defineFactory({
    build: (): typeof session.$inferInsert => ({
      userId: fake.uuid(),
      token: `${fake.token()}${fake.sequence()}`,
      expiresAt: fromNow(7),
      ipAddress: `203.0.113.${fake.int(1, 254)}`,
      userAgent: 'Mozilla/5.0 (factory)',
    }),
    parents: { userId: async () => (await createUserFactory().create()).id },
    insert: async (db, input) => (await db.insert(session).values(input).returning())[0]!,
  });
