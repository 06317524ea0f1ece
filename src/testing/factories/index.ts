import { createAdminAuditEntryFactory } from './admin/admin-audit-log.ts';
import { createAdminRoleFactory } from './admin/admin-roles.ts';
import { createAdminUserFactory } from './admin/admin-users.ts';
import { createAccountFactory } from './auth/account.ts';
import { createJwkFactory } from './auth/jwks.ts';
import { createSessionFactory } from './auth/session.ts';
import { createUserFactory } from './auth/user.ts';
import { createVerificationFactory } from './auth/verification.ts';
import { createTodoFactory } from './features/todos.ts';
import { createUserActivityDailyFactory } from './features/user-activity-daily.ts';
import { createWaitlistEntryFactory } from './features/waitlist.ts';
import { createNotificationDeliveryFactory } from './notifications/notification-deliveries.ts';
import { createNotificationPreferenceFactory } from './notifications/notification-preferences.ts';
import { createNotificationTargetFactory } from './notifications/notification-targets.ts';
import { createNotificationFactory } from './notifications/notifications.ts';
import { createSubscriptionEventFactory } from './subscriptions/subscription-events.ts';
import { createSubscriptionFactory } from './subscriptions/subscriptions.ts';
import { createDomainEventFactory } from './system/domain-events.ts';
import { createSystemSettingFactory } from './system/system-settings.ts';
import { createTenantActivityFactory } from './tenant/tenant-activity.ts';
import { createTenantInviteFactory } from './tenant/tenant-invites.ts';
import { createTenantMemberFactory } from './tenant/tenant-members.ts';
import { createTenantFactory } from './tenant/tenants.ts';

export { defineFactory, fake, fromNow, seedFactories, type Factory } from './_factory.ts';

/**
 * One factory per table, keyed by the table's export name in `database/schema` (internal tables, tagged
 * `@internal-table`, have none: a trigger maintains them).
 */
export const factories = {
  user: createUserFactory(),
  session: createSessionFactory(),
  account: createAccountFactory(),
  verification: createVerificationFactory(),
  jwks: createJwkFactory(),
  tenants: createTenantFactory(),
  tenantMembers: createTenantMemberFactory(),
  tenantInvites: createTenantInviteFactory(),
  tenantActivity: createTenantActivityFactory(),
  todos: createTodoFactory(),
  waitlist: createWaitlistEntryFactory(),
  userActivityDaily: createUserActivityDailyFactory(),
  notifications: createNotificationFactory(),
  notificationTargets: createNotificationTargetFactory(),
  notificationPreferences: createNotificationPreferenceFactory(),
  notificationDeliveries: createNotificationDeliveryFactory(),
  subscriptions: createSubscriptionFactory(),
  subscriptionEvents: createSubscriptionEventFactory(),
  adminRoles: createAdminRoleFactory(),
  adminUsers: createAdminUserFactory(),
  adminAuditLog: createAdminAuditEntryFactory(),
  systemSettings: createSystemSettingFactory(),
  domainEvents: createDomainEventFactory(),
};
