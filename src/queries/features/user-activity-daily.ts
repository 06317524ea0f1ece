import { and, asc, between, eq, sql, type SQL } from 'drizzle-orm';
import {
  CreateUserActivityDailySchema,
  UserActivityRangeSchema,
  type UserActivityDaily,
  type UserActivityDay,
} from '../../dto/features/user-activity-daily.js';
import { userActivityDaily } from '../../schema/tables/features/user-activity-daily.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput } from '../_lib/validate.js';

const ENTITY = 'UserActivityDaily';

/** The rows matching `owner` with a day in the validated, inclusive range, in the given order. */
function inRange(owner: SQL, from: UserActivityDay, to: UserActivityDay, orderBy: SQL[]): Promise<UserActivityDaily[]> {
  const range = parseInput(ENTITY, UserActivityRangeSchema, { from, to });
  return read((db) =>
    db
      .select()
      .from(userActivityDaily)
      .where(and(owner, between(userActivityDaily.day, range.from, range.to)))
      .orderBy(...orderBy),
  );
}

/**
 * Daily activity counters, one row per (user, tenant or none, day). `day` is a calendar date 'YYYY-MM-DD' (a Date
 * counts as its UTC day): bucket in the time zone your reports use before calling. Ranges are inclusive and at
 * most 366 days. Rows come back oldest day first.
 */
export const UserActivityDailyQueries = {
  /**
   * Adds `n` (default 1) to the counter and returns the new count. One statement, an upsert on the
   * (user, day, tenant) key (NULLS NOT DISTINCT, so a NULL tenant has one row too): concurrent increments never
   * lose an update, and the first one of the day creates the row.
   */
  async increment(userId: string, tenantId: string | null, day: UserActivityDay, n = 1): Promise<number> {
    const values = parseInput(ENTITY, CreateUserActivityDailySchema, { userId, tenantId, day, n });
    const [row] = await write((db) =>
      db
        .insert(userActivityDaily)
        .values({ userId: values.userId, tenantId: values.tenantId, day: values.day, eventCount: values.n })
        .onConflictDoUpdate({
          target: [userActivityDaily.userId, userActivityDaily.day, userActivityDaily.tenantId],
          set: { eventCount: sql`${userActivityDaily.eventCount} + excluded.event_count` },
        })
        .returning({ eventCount: userActivityDaily.eventCount }),
    );
    return row!.eventCount;
  },

  /** A user's counters in [from, to], across every tenant (tenantId null: outside any tenant). */
  async forUser(userId: string, from: UserActivityDay, to: UserActivityDay): Promise<UserActivityDaily[]> {
    const id = parseId(ENTITY, userId, 'userId');
    return inRange(eq(userActivityDaily.userId, id), from, to, [
      asc(userActivityDaily.day),
      sql`${userActivityDaily.tenantId} asc nulls first`,
    ]);
  },

  /** Every member's counters in the tenant for [from, to] (served by the (tenant_id, day) index). */
  async forTenant(tenantId: string, from: UserActivityDay, to: UserActivityDay): Promise<UserActivityDaily[]> {
    const id = parseId(ENTITY, tenantId, 'tenantId');
    return inRange(eq(userActivityDaily.tenantId, id), from, to, [
      asc(userActivityDaily.day),
      asc(userActivityDaily.userId),
    ]);
  },
};
