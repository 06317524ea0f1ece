import { WaitlistQueries } from '../../queries/features/waitlist.js';
import { WAITLIST_EMAILS } from '../demo-data.js';

/** The public waitlist (two invited, one joined). Returns the rows written. */
export async function seedWaitlist(): Promise<number> {
  const entries = [];
  for (const { email, source } of WAITLIST_EMAILS) {
    entries.push(
      await WaitlistQueries.join({
        email,
        source,
        referrer: source === 'blog' ? 'https://example.com/blog/launch' : null,
      }),
    );
  }
  await WaitlistQueries.markInvited(entries[0]!.id);
  await WaitlistQueries.markInvited(entries[1]!.id);
  await WaitlistQueries.markJoined(entries[1]!.id);
  return entries.length;
}
