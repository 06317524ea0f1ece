import { createAdminAuditEntryFactory } from './admin/admin-audit-log.js';
import { createAdminRoleFactory } from './admin/admin-role.js';
import { createAdminUserFactory } from './admin/admin-user.js';
import { createAccountFactory } from './auth/account.js';
import { createJwkFactory } from './auth/jwk.js';
import { createSessionFactory } from './auth/session.js';
import { createUserFactory } from './auth/user.js';
import { createVerificationFactory } from './auth/verification.js';
import { createTodoFactory } from './features/todo.js';
import { createUserActivityDailyFactory } from './features/user-activity-daily.js';
import { createWaitlistEntryFactory } from './features/waitlist.js';
import { createNotificationDeliveryFactory } from './notifications/notification-delivery.js';
import { createNotificationPreferenceFactory } from './notifications/notification-preference.js';
import { createNotificationTargetFactory } from './notifications/notification-target.js';
import { createNotificationFactory } from './notifications/notification.js';
import { createSubscriptionEventFactory } from './subscriptions/subscription-event.js';
import { createSubscriptionFactory } from './subscriptions/subscription.js';
import { createDomainEventFactory } from './system/domain-event.js';
import { createSystemSettingFactory } from './system/system-setting.js';
import { createTenantActivityFactory } from './tenant/tenant-activity.js';
import { createTenantDatabaseFactory } from './tenant/tenant-database.js';
import { createTenantInviteFactory } from './tenant/tenant-invite.js';
import { createTenantMemberFactory } from './tenant/tenant-member.js';
import { createTenantFactory } from './tenant/tenant.js';

export { defineFactory, fake, fromNow, seedFactories, type Factory } from './_factory.js';

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
  tenantDatabases: createTenantDatabaseFactory(),
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
