import { AdminAuditLogQueries } from '../../queries/admin/admin-audit-log.js';
import { written, type SeededTenant } from '../context.js';
import type { SeededStaff } from './admin-user.js';

/** What the staff did in the back office. Returns the rows written. */
export async function seedAdminAuditLog(staff: SeededStaff[], tenants: SeededTenant[]): Promise<number> {
  const [ops, support] = staff;
  const [acme, globex, initech] = tenants;
  const entries: {
    admin: SeededStaff;
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
  return entries.length;
}
