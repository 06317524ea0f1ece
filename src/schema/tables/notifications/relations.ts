import { relations } from 'drizzle-orm';
import { user } from '../auth/user.js';
import { tenants } from '../tenant/tenant.js';
import { notificationDeliveries } from './notification-delivery.js';
import { notificationPreferences } from './notification-preference.js';
import { notificationTargets } from './notification-target.js';
import { notifications } from './notification.js';

export const notificationsRelations = relations(notifications, ({ one, many }) => ({
  tenant: one(tenants, { fields: [notifications.tenantId], references: [tenants.id] }),
  user: one(user, { fields: [notifications.userId], references: [user.id] }),
  deliveries: many(notificationDeliveries),
}));

export const notificationTargetsRelations = relations(notificationTargets, ({ one, many }) => ({
  user: one(user, { fields: [notificationTargets.userId], references: [user.id] }),
  deliveries: many(notificationDeliveries),
}));

export const notificationDeliveriesRelations = relations(notificationDeliveries, ({ one }) => ({
  notification: one(notifications, { fields: [notificationDeliveries.notificationId], references: [notifications.id] }),
  target: one(notificationTargets, { fields: [notificationDeliveries.targetId], references: [notificationTargets.id] }),
}));

export const notificationPreferencesRelations = relations(notificationPreferences, ({ one }) => ({
  user: one(user, { fields: [notificationPreferences.userId], references: [user.id] }),
  tenant: one(tenants, { fields: [notificationPreferences.tenantId], references: [tenants.id] }),
}));
