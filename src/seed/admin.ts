import type { SeededUsers } from './auth.js';
import type { SeededTenant, TableCounts } from './context.js';
import { seedAdminAuditLog } from './admin/admin-audit-log.js';
import { seedAdminRoles } from './admin/admin-role.js';
import { seedAdminUsers } from './admin/admin-user.js';

/**
 * Two staff roles, one staff member in each, and what they did in the back office: one step per table
 * (src/seed/admin/<table>.ts), so `pnpm db:remove admin admin_audit_log` takes that step and its line here.
 */
export async function seedAdmin(users: SeededUsers, tenants: SeededTenant[]): Promise<TableCounts> {
  const counts: TableCounts = {};
  const roles = await seedAdminRoles();
  counts.admin_roles = roles.size;
  const staff = await seedAdminUsers(users, roles);
  counts.admin_users = staff.length;
  counts.admin_audit_log = await seedAdminAuditLog(staff, tenants);
  return counts;
}
