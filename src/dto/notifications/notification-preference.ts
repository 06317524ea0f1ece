import { type z } from 'zod';
import { notificationPreferences } from '../../schema/tables/notifications/notification-preference.ts';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.ts';
import { uuid } from '../_fields.ts';
import { listFilter } from '../_list-filter.ts';
import { notificationTypeField } from './notification.ts';

const refine = { type: () => notificationTypeField() };

export const NotificationPreferenceSchema = createSelectSchema(notificationPreferences);
export const InsertNotificationPreferenceSchema = createInsertSchema(notificationPreferences, refine);
export const UpdateNotificationPreferenceSchema = createUpdateSchema(notificationPreferences, refine);

/**
 * One opt-in/out, set by upsert: tenantId absent or null is the user's default for every tenant; a tenant's row
 * overrides it there. The user comes from the call.
 */
export const SetNotificationPreferenceDTO = InsertNotificationPreferenceSchema.pick({
  tenantId: true,
  type: true,
  channel: true,
  enabled: true,
}).strict();

export const NotificationPreferenceListFilter = listFilter({
  /** A tenant's rows only; `null`: only the user's defaults. Absent: all. */
  tenantId: uuid().nullable().optional(),
});

export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>;
export type SetNotificationPreference = z.input<typeof SetNotificationPreferenceDTO>;
export type NotificationPreferenceFilter = z.input<typeof NotificationPreferenceListFilter>;
