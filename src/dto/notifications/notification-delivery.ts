import { z } from 'zod';
import { notificationDeliveries } from '../../schema/tables/notifications/notification-delivery.js';
import { createInsertSchema, createSelectSchema } from '../_zod.js';
import { safeText } from '../_fields.js';

export const NotificationDeliverySchema = createSelectSchema(notificationDeliveries);
export const InsertNotificationDeliverySchema = createInsertSchema(notificationDeliveries);

// Deliveries are system-owned: `NotificationQueries.create` inserts them, workers move their status. So there are
// no create/update DTOs, only the inputs of the worker calls.

export const ClaimNotificationDeliveriesSchema = z.object({ limit: z.number().int().min(1).max(1000) }).strict();

/** What a worker reports about a failed attempt; stored truncated (see NOTIFICATION_DELIVERY_ERROR_MAX). */
export const NotificationDeliveryErrorSchema = z.object({ error: safeText().trim().min(1) }).strict();

export type NotificationDelivery = z.infer<typeof NotificationDeliverySchema>;
