import { AdminRoleQueries } from '../../queries/admin/admin-role.js';
import { ADMIN_ROLES } from '../demo-data.js';

/** The two staff roles; their ids by name. */
export async function seedAdminRoles(): Promise<Map<string, string>> {
  const roles = new Map<string, string>();
  for (const role of ADMIN_ROLES) roles.set(role.name, (await AdminRoleQueries.create(role)).id);
  return roles;
}
