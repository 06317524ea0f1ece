export {
  NOTIFICATION_DELIVERY_ERROR_MAX,
  NOTIFICATION_DELIVERY_STATUSES,
  notificationDeliveries,
  notificationDeliveryStatus,
  type NotificationDeliveryStatus,
} from './notification-deliveries.ts';
export { notificationPreferences } from './notification-preferences.ts';
export {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TARGET_ADDRESS_MAX,
  notificationChannel,
  notificationTargets,
  type NotificationChannel,
} from './notification-targets.ts';
export {
  NOTIFICATION_BODY_MAX,
  NOTIFICATION_TITLE_MAX,
  NOTIFICATION_TYPE_MAX,
  NOTIFICATION_TYPE_PATTERN,
  notifications,
  type NotificationData,
} from './notifications.ts';
export {
  notificationDeliveriesRelations,
  notificationPreferencesRelations,
  notificationTargetsRelations,
  notificationsRelations,
} from './relations.ts';
