import { z } from 'zod';
import {
  NOTIFICATION_BODY_MAX,
  NOTIFICATION_TITLE_MAX,
  NOTIFICATION_TYPE_MAX,
  NOTIFICATION_TYPE_PATTERN,
  notifications,
  type NotificationData,
} from '../../schema/tables/notifications/notification.js';
import { createInsertSchema, createSelectSchema, jsonColumn } from '../_zod.js';
import { jsonObject, optionalText, trimmedText } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

/** A dotted lower-case identifier such as `invite.accepted`; preferences use the same one. */
const TYPE_PATTERN = new RegExp(NOTIFICATION_TYPE_PATTERN);
export const notificationTypeField = () =>
  z.string().trim().min(1).max(NOTIFICATION_TYPE_MAX).regex(TYPE_PATTERN, 'a dotted lower-case identifier');

/** The shape of `notifications.data`: a JSON object for the client (links, ids), at most 16 KiB. */
export const NotificationDataSchema = jsonObject();

const refine = {
  type: () => notificationTypeField(),
  title: () => trimmedText(NOTIFICATION_TITLE_MAX),
  body: () => optionalText(NOTIFICATION_BODY_MAX),
  // optional: the column defaults to {} (a refinement replaces the generated schema, optionality included)
  data: () => NotificationDataSchema.optional(),
};

export const NotificationSchema = createSelectSchema(notifications, { data: () => jsonColumn<NotificationData>() });
export const InsertNotificationSchema = createInsertSchema(notifications, refine);

/**
 * What a caller may set when creating a notification; the tenant comes from scope, read_at only from `markRead`.
 * A notification is immutable after that, so there is no update DTO.
 */
export const CreateNotificationSchema = InsertNotificationSchema.pick({
  userId: true,
  type: true,
  title: true,
  body: true,
  data: true,
}).strict();

export const NotificationFilterSchema = listFilter({
  /** true: only unread; false: only read; absent: both. */
  unread: z.boolean().optional(),
});

export type Notification = z.infer<typeof NotificationSchema>;
export type CreateNotification = z.input<typeof CreateNotificationSchema>;
export type NotificationFilter = z.input<typeof NotificationFilterSchema>;
