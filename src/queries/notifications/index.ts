export { NotificationDeliveryQueries } from './notification-delivery.js';
export { NotificationPreferenceQueries, type ListNotificationPreferencesInput } from './notification-preference.js';
export { NotificationTargetQueries, type ListNotificationTargetsInput } from './notification-target.js';
export { NotificationQueries, type CreatedNotification, type ListNotificationsInput } from './notification.js';
