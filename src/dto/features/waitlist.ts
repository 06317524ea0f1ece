import { z } from 'zod';
import {
  WAITLIST_REFERRER_MAX,
  WAITLIST_SOURCE_MAX,
  WAITLIST_STATUSES,
  waitlist,
} from '../../schema/tables/features/waitlist.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { email, optionalText } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

const refine = {
  email: () => email(),
  source: () => optionalText(WAITLIST_SOURCE_MAX),
  referrer: () => optionalText(WAITLIST_REFERRER_MAX),
};

export const WaitlistEntrySchema = createSelectSchema(waitlist);
export const InsertWaitlistSchema = createInsertSchema(waitlist, refine);
const UpdateWaitlistRowSchema = createUpdateSchema(waitlist, refine);

/** What a visitor submits; the status and its timestamps are the server's (markInvited / markJoined). */
export const CreateWaitlistEntrySchema = InsertWaitlistSchema.pick({
  email: true,
  source: true,
  referrer: true,
}).strict();

/** Attribution may be corrected; the email is the row's identity and the status moves only through the marks. */
export const UpdateWaitlistEntrySchema = UpdateWaitlistRowSchema.pick({ source: true, referrer: true }).strict();

export const WaitlistFilterSchema = listFilter({ status: z.enum(WAITLIST_STATUSES).optional() });

export type WaitlistEntry = z.infer<typeof WaitlistEntrySchema>;
export type CreateWaitlistEntry = z.input<typeof CreateWaitlistEntrySchema>;
export type UpdateWaitlistEntry = z.input<typeof UpdateWaitlistEntrySchema>;
export type WaitlistFilter = z.input<typeof WaitlistFilterSchema>;
