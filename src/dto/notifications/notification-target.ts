import { z } from 'zod';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TARGET_ADDRESS_MAX,
  notificationTargets,
} from '../../schema/tables/notifications/notification-target.js';
import { createInsertSchema, createSelectSchema } from '../_zod.js';
import { email, isStorableText, safeText } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

/** E.164: a plus, a country code, up to 15 digits in all. */
export const E164_PHONE_PATTERN = /^\+[1-9]\d{6,14}$/;

const address = {
  email: () => email(),
  sms: () => safeText().trim().regex(E164_PHONE_PATTERN, 'an E.164 phone number such as +14155550123'),
  push: () => safeText().trim().min(1).max(NOTIFICATION_TARGET_ADDRESS_MAX),
  webhook: () =>
    z
      .url({ protocol: /^https$/ })
      .max(NOTIFICATION_TARGET_ADDRESS_MAX)
      .refine(isStorableText, 'must not contain NUL characters or unpaired surrogates'),
};

export const NotificationTargetSchema = createSelectSchema(notificationTargets);
export const InsertNotificationTargetSchema = createInsertSchema(notificationTargets, {
  address: () => safeText().trim().min(1).max(NOTIFICATION_TARGET_ADDRESS_MAX),
});

/**
 * What a user may register: a channel and an address valid for it (emails lower-cased, phones E.164, webhooks
 * https). The owner comes from the call, verification and disabling from `verify`/`disable`. An address is not
 * edited in place (it would need verifying again): delete the target and create another.
 */
export const CreateNotificationTargetSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('email'), address: address.email() }).strict(),
  z.object({ channel: z.literal('sms'), address: address.sms() }).strict(),
  z.object({ channel: z.literal('push'), address: address.push() }).strict(),
  z.object({ channel: z.literal('webhook'), address: address.webhook() }).strict(),
]);

export const NotificationTargetFilterSchema = listFilter({ channel: z.enum(NOTIFICATION_CHANNELS).optional() });

export type NotificationTarget = z.infer<typeof NotificationTargetSchema>;
export type CreateNotificationTarget = z.input<typeof CreateNotificationTargetSchema>;
export type NotificationTargetFilter = z.input<typeof NotificationTargetFilterSchema>;
