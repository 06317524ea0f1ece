import { createAdminAuditEntryFactory } from './admin/admin-audit-log.ts';
import { createAdminRoleFactory } from './admin/admin-role.ts';
import { createAdminUserFactory } from './admin/admin-user.ts';
import { createAccountFactory } from './auth/account.ts';
import { createJwkFactory } from './auth/jwk.ts';
import { createSessionFactory } from './auth/session.ts';
import { createUserFactory } from './auth/user.ts';
import { createVerificationFactory } from './auth/verification.ts';
import { createTodoFactory } from './features/todo.ts';
import { createUserActivityDailyFactory } from './features/user-activity-daily.ts';
import { createWaitlistEntryFactory } from './features/waitlist.ts';
import { createNotificationDeliveryFactory } from './notifications/notification-delivery.ts';
import { createNotificationPreferenceFactory } from './notifications/notification-preference.ts';
import { createNotificationTargetFactory } from './notifications/notification-target.ts';
import { createNotificationFactory } from './notifications/notification.ts';
import { createSubscriptionEventFactory } from './subscriptions/subscription-event.ts';
import { createSubscriptionFactory } from './subscriptions/subscription.ts';
import { createDomainEventFactory } from './system/domain-event.ts';
import { createSystemSettingFactory } from './system/system-setting.ts';
import { createTenantActivityFactory } from './tenant/tenant-activity.ts';
import { createTenantInviteFactory } from './tenant/tenant-invite.ts';
import { createTenantMemberFactory } from './tenant/tenant-member.ts';
import { createTenantFactory } from './tenant/tenant.ts';

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
