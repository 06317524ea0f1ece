import { TodoQueries } from '../queries/features/todo.js';
import { UserActivityDailyQueries } from '../queries/features/user-activity-daily.js';
import { WaitlistQueries } from '../queries/features/waitlist.js';
import { fake } from '../testing/index.js';
import { daysAgo, utcDay, type SeededTenant, type TableCounts } from './context.js';
import { TODO_TITLES, WAITLIST_EMAILS } from './demo-data.js';

const ACTIVITY_DAYS = 5;

/**
 * Per tenant: eight todos spread over its people (three completed, one soft-deleted, some with a due date); a week
 * of daily activity counters for everyone; and the public waitlist (two invited, one joined).
 */
export async function seedFeatures(tenants: SeededTenant[]): Promise<TableCounts> {
  const counts: TableCounts = { todos: 0, user_activity_daily: 0, waitlist: 0 };
  for (const seeded of tenants) {
    const scope = { tenantId: seeded.tenant.id };
    for (const [i, title] of TODO_TITLES.entries()) {
      const assignee = seeded.everyone[i % seeded.everyone.length]!;
      const todo = await TodoQueries.create(
        {
          userId: assignee.id,
          title,
          description: i % 2 === 0 ? `${title}: ${fake.words(6)}.` : null,
          dueAt: i % 3 === 0 ? daysAgo(-fake.int(3, 30)) : null,
        },
        scope,
      );
      counts.todos!++;
      if (i < 3) seeded.todos.push(await TodoQueries.update(todo.id, { completed: true }, scope));
      else if (i === TODO_TITLES.length - 1) await TodoQueries.softDelete(todo.id, scope);
      else seeded.todos.push(todo);
    }

    for (const person of seeded.everyone) {
      for (let day = 1; day <= ACTIVITY_DAYS; day++) {
        if (fake.bool(0.25)) continue; // nobody works every day
        await UserActivityDailyQueries.increment(person.id, seeded.tenant.id, utcDay(daysAgo(day)), fake.int(1, 40));
        counts.user_activity_daily!++;
      }
    }
  }
  // Activity outside any tenant (the account pages): tenant null.
  for (const seeded of tenants) {
    await UserActivityDailyQueries.increment(seeded.owner.id, null, utcDay(daysAgo(1)), fake.int(1, 5));
    counts.user_activity_daily!++;
  }

  const entries = [];
  for (const { email, source } of WAITLIST_EMAILS) {
    entries.push(
      await WaitlistQueries.join({
        email,
        source,
        referrer: source === 'blog' ? 'https://example.com/blog/launch' : null,
      }),
    );
    counts.waitlist!++;
  }
  await WaitlistQueries.markInvited(entries[0]!.id);
  await WaitlistQueries.markInvited(entries[1]!.id);
  await WaitlistQueries.markJoined(entries[1]!.id);
  return counts;
}
