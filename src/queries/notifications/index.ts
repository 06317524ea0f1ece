export { NotificationDeliveryQueries } from './notification-delivery.ts';
export { NotificationPreferenceQueries, type ListNotificationPreferencesInput } from './notification-preference.ts';
export { NotificationTargetQueries, type ListNotificationTargetsInput } from './notification-target.ts';
export { NotificationQueries, type CreatedNotification, type ListNotificationsInput } from './notification.ts';
