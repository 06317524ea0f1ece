import { verification } from '../../../schema/tables/auth/verification.js';
import { defineFactory, fake, fromNow } from '../_factory.js';

export const createVerificationFactory = () =>
  defineFactory({
    build: (): typeof verification.$inferInsert => ({
      identifier: `email-verification:${fake.email()}`,
      value: fake.token(),
      expiresAt: fromNow(1),
    }),
    insert: async (db, input) => (await db.insert(verification).values(input).returning())[0]!,
  });
