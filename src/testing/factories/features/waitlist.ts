import { WAITLIST_STATUSES, waitlist } from '../../../schema/tables/features/waitlist.js';
import { defineFactory, fake } from '../_factory.js';

/** The timestamps follow the status, as the `waitlist_status_timestamps` check requires. */
export const createWaitlistEntryFactory = () =>
  defineFactory({
    build: (): typeof waitlist.$inferInsert => {
      const status = fake.pick(WAITLIST_STATUSES);
      const invitedAt = status === 'waiting' ? null : fake.date(-fake.int(2, 30));
      return {
        email: fake.email(),
        source: fake.pick(['landing', 'blog', 'twitter', null]),
        referrer: fake.bool() ? `https://example.com/${fake.word()}` : null,
        status,
        invitedAt,
        joinedAt: status === 'joined' ? fake.date(-1) : null,
      };
    },
    insert: async (db, input) => (await db.insert(waitlist).values(input).returning())[0]!,
  });
