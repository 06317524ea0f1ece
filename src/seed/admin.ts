import type { User } from '../dto/auth/user.js';
import { AdminAuditLogQueries } from '../queries/admin/admin-audit-log.js';
import { AdminRoleQueries } from '../queries/admin/admin-role.js';
import { AdminUserQueries } from '../queries/admin/admin-user.js';
import type { SeededUsers } from './auth.js';
import { written, type SeededTenant, type TableCounts } from './context.js';
import { ADMIN_ROLES, STAFF, STAFF_DOMAIN } from './demo-data.js';

/** Two staff roles, one staff member in each, and what they did in the back office. */
export async function seedAdmin(users: SeededUsers, tenants: SeededTenant[]): Promise<TableCounts> {
  const roles = new Map<string, string>();
  for (const role of ADMIN_ROLES) roles.set(role.name, (await AdminRoleQueries.create(role)).id);
  const staff: { user: User; adminUserId: string }[] = [];
  for (const { person, role } of STAFF) {
    const user = users.byEmail.get(`${person.handle}@${STAFF_DOMAIN}`)!;
    const admin = await AdminUserQueries.create({ userId: user.id, roleId: roles.get(role)! });
    staff.push({ user, adminUserId: admin.id });
  }

  const [ops, support] = staff;
  const [acme, globex, initech] = tenants;
  const entries: {
    admin: (typeof staff)[number];
    action: string;
    subjectType: string;
    subjectId: string;
    metadata: Record<string, string | number>;
  }[] = [
    {
      admin: support!,
      action: 'tenant.viewed',
      subjectType: 'tenant',
      subjectId: acme!.tenant.id,
      metadata: { ticket: 'SUP-1042' },
    },
    {
      admin: support!,
      action: 'user.viewed',
      subjectType: 'user',
      subjectId: globex!.owner.id,
      metadata: { ticket: 'SUP-1047' },
    },
    {
      admin: ops!,
      action: 'user.impersonated',
      subjectType: 'user',
      subjectId: globex!.owner.id,
      metadata: { minutes: 10 },
    },
    {
      admin: ops!,
      action: 'subscription.refunded',
      subjectType: 'tenant',
      subjectId: initech!.tenant.id,
      metadata: { amountCents: 4900 },
    },
    {
      admin: ops!,
      action: 'setting.viewed',
      subjectType: 'system_setting',
      subjectId: 'retention_settings',
      metadata: {},
    },
  ];
  for (const entry of entries) {
    written(
      await AdminAuditLogQueries.log({
        adminUserId: entry.admin.adminUserId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        metadata: entry.metadata,
        ipAddress: '198.51.100.7',
      }),
      `admin audit entry ${entry.action}`,
    );
  }
  return { admin_roles: roles.size, admin_users: staff.length, admin_audit_log: entries.length };
}
