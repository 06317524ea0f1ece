import { account } from '../../../schema/tables/auth/account.js';
import { defineFactory, fake, fromNow } from '../_factory.js';
import { createUserFactory } from './user.js';

/** An OAuth account (a credential account would carry a password hash: set it with AccountQueries.setPasswordHash). */
export const createAccountFactory = () =>
  defineFactory({
    build: (): typeof account.$inferInsert => ({
      userId: fake.uuid(),
      providerId: fake.pick(['github', 'google']),
      accountId: String(100_000 + fake.sequence()),
      accessToken: fake.token(),
      accessTokenExpiresAt: fromNow(1),
      scope: 'read:user',
    }),
    parents: { userId: async () => (await createUserFactory().create()).id },
    insert: async (db, input) => (await db.insert(account).values(input).returning())[0]!,
  });
