import { type z } from 'zod';
import { notificationPreferences } from '../../schema/tables/notifications/notification-preference.js';
import { createInsertSchema, createSelectSchema } from '../_zod.js';
import { uuid } from '../_fields.js';
import { listFilter } from '../_list-filter.js';
import { notificationTypeField } from './notification.js';

const refine = { type: () => notificationTypeField() };

export const NotificationPreferenceSchema = createSelectSchema(notificationPreferences);
export const InsertNotificationPreferenceSchema = createInsertSchema(notificationPreferences, refine);

/**
 * One opt-in/out, set by upsert: tenantId absent or null is the user's default for every tenant; a tenant's row
 * overrides it there. The user comes from the call.
 */
export const SetNotificationPreferenceSchema = InsertNotificationPreferenceSchema.pick({
  tenantId: true,
  type: true,
  channel: true,
  enabled: true,
}).strict();

export const NotificationPreferenceFilterSchema = listFilter({
  /** A tenant's rows only; `null`: only the user's defaults. Absent: all. */
  tenantId: uuid().nullable().optional(),
});

export type NotificationPreference = z.infer<typeof NotificationPreferenceSchema>;
export type SetNotificationPreference = z.input<typeof SetNotificationPreferenceSchema>;
export type NotificationPreferenceFilter = z.input<typeof NotificationPreferenceFilterSchema>;
