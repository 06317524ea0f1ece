import { UserActivityDailyQueries } from '../../queries/features/user-activity-daily.js';
import { fake } from '../../testing/index.js';
import { daysAgo, utcDay, type SeededTenant } from '../context.js';

const ACTIVITY_DAYS = 5;

/** A week of daily activity counters for everyone, and a day outside any tenant for each owner. Returns the rows. */
export async function seedUserActivityDaily(tenants: SeededTenant[]): Promise<number> {
  let written = 0;
  for (const seeded of tenants) {
    for (const person of seeded.everyone) {
      for (let day = 1; day <= ACTIVITY_DAYS; day++) {
        if (fake.bool(0.25)) continue; // nobody works every day
        await UserActivityDailyQueries.increment(person.id, seeded.tenant.id, utcDay(daysAgo(day)), fake.int(1, 40));
        written++;
      }
    }
  }
  // Activity outside any tenant (the account pages): tenant null.
  for (const seeded of tenants) {
    await UserActivityDailyQueries.increment(seeded.owner.id, null, utcDay(daysAgo(1)), fake.int(1, 5));
    written++;
  }
  return written;
}
