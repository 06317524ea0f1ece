import { user } from '../../../schema/tables/auth/user.js';
import { defineFactory, fake } from '../_factory.js';

export const createUserFactory = () =>
  defineFactory({
    build: (): typeof user.$inferInsert => ({ name: fake.name(), email: fake.email(), emailVerified: fake.bool(0.8) }),
    insert: async (db, input) => (await db.insert(user).values(input).returning())[0]!,
  });
