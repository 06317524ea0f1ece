import { z } from 'zod';
import { userActivityDaily } from '../../schema/tables/features/user-activity-daily.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { TIMESTAMP_MAX, TIMESTAMP_MIN, uuid } from '../_fields.js';

/** Largest single increment accepted (the column is a 32-bit integer). */
export const USER_ACTIVITY_INCREMENT_MAX = 1_000_000;
/** The column is a 32-bit integer. */
export const USER_ACTIVITY_COUNT_MAX = 2_147_483_647;
/** Longest range one read may cover: a year, leap day included. */
export const USER_ACTIVITY_RANGE_MAX_DAYS = 366;

/** A calendar day as 'YYYY-MM-DD'; a Date is taken as its UTC day. */
export const activityDay = () =>
  z
    .union([
      z.iso.date(),
      z
        .date()
        .min(TIMESTAMP_MIN)
        .max(TIMESTAMP_MAX)
        .transform((value) => value.toISOString().slice(0, 10)),
    ])
    .refine((day) => day >= '1000-01-01', 'must be a four-digit year');

const refine = {
  day: () => z.iso.date(),
  eventCount: () => z.number().int().min(0).max(USER_ACTIVITY_COUNT_MAX),
};

export const UserActivityDailySchema = createSelectSchema(userActivityDaily);
export const InsertUserActivityDailySchema = createInsertSchema(userActivityDaily, refine);
const UpdateUserActivityDailyRowSchema = createUpdateSchema(userActivityDaily, refine);

/** One `increment` call: add `n` events to the (user, tenant, day) counter, creating it at 0 first. */
export const CreateUserActivityDailySchema = z
  .object({
    userId: uuid(),
    tenantId: uuid().nullable(),
    day: activityDay(),
    n: z.number().int().min(1).max(USER_ACTIVITY_INCREMENT_MAX).default(1),
  })
  .strict();

/** Counters change only by increment; an explicit correction may set the count. */
export const UpdateUserActivityDailySchema = UpdateUserActivityDailyRowSchema.pick({ eventCount: true }).strict();

const DAY_MS = 86_400_000;

/** An inclusive day range, `from` <= `to`, at most a year long. */
export const UserActivityRangeSchema = z
  .object({ from: activityDay(), to: activityDay() })
  .strict()
  .refine((range) => range.from <= range.to, { message: 'must not be before from', path: ['to'] })
  .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS < USER_ACTIVITY_RANGE_MAX_DAYS, {
    message: `must be within ${USER_ACTIVITY_RANGE_MAX_DAYS} days of from`,
    path: ['to'],
  });

export type UserActivityDaily = z.infer<typeof UserActivityDailySchema>;
export type CreateUserActivityDaily = z.input<typeof CreateUserActivityDailySchema>;
export type UpdateUserActivityDaily = z.input<typeof UpdateUserActivityDailySchema>;
export type UserActivityDay = z.input<ReturnType<typeof activityDay>>;
