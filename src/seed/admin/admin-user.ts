import type { User } from '../../dto/auth/user.js';
import { AdminUserQueries } from '../../queries/admin/admin-user.js';
import type { SeededUsers } from '../auth.js';
import { STAFF, STAFF_DOMAIN } from '../demo-data.js';

export interface SeededStaff {
  user: User;
  adminUserId: string;
}

/** One staff member in each role (`roles`: the role ids by name). */
export async function seedAdminUsers(users: SeededUsers, roles: Map<string, string>): Promise<SeededStaff[]> {
  const staff: SeededStaff[] = [];
  for (const { person, role } of STAFF) {
    const user = users.byEmail.get(`${person.handle}@${STAFF_DOMAIN}`)!;
    const admin = await AdminUserQueries.create({ userId: user.id, roleId: roles.get(role)! });
    staff.push({ user, adminUserId: admin.id });
  }
  return staff;
}
