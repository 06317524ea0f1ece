export { NotificationDeliveryQueries } from './notification-deliveries.ts';
export { NotificationPreferenceQueries, type ListNotificationPreferencesInput } from './notification-preferences.ts';
export { NotificationTargetQueries, type ListNotificationTargetsInput } from './notification-targets.ts';
export { NotificationQueries, type CreatedNotification, type ListNotificationsInput } from './notifications.ts';
