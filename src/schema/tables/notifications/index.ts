export {
  NOTIFICATION_DELIVERY_ERROR_MAX,
  NOTIFICATION_DELIVERY_STATUSES,
  notificationDeliveries,
  notificationDeliveryStatus,
  type NotificationDeliveryStatus,
} from './notification-delivery.js';
export { notificationPreferences } from './notification-preference.js';
export {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TARGET_ADDRESS_MAX,
  notificationChannel,
  notificationTargets,
  type NotificationChannel,
} from './notification-target.js';
export {
  NOTIFICATION_BODY_MAX,
  NOTIFICATION_TITLE_MAX,
  NOTIFICATION_TYPE_MAX,
  NOTIFICATION_TYPE_PATTERN,
  notifications,
  type NotificationData,
} from './notification.js';
export {
  notificationDeliveriesRelations,
  notificationPreferencesRelations,
  notificationTargetsRelations,
  notificationsRelations,
} from './relations.js';
