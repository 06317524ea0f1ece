import { randomUUID } from 'node:crypto';
import { db } from '../../src/client/db.ts';
import { adminRoles } from '../../src/schema/tables/admin/admin-roles.ts';
import { adminUsers } from '../../src/schema/tables/admin/admin-users.ts';
import { insertUser } from './fixtures.ts';

// Parents for admin tests, written straight to the tables.

export async function insertAdminRole(overrides: Partial<typeof adminRoles.$inferInsert> = {}) {
  const [row] = await db
    .insert(adminRoles)
    .values({ name: `role-${randomUUID()}`, permissions: ['users:read'], ...overrides })
    .returning();
  return row!;
}

export async function insertAdminUser(overrides: Partial<typeof adminUsers.$inferInsert> = {}) {
  const userId = overrides.userId ?? (await insertUser()).id;
  const roleId = overrides.roleId ?? (await insertAdminRole()).id;
  const [row] = await db
    .insert(adminUsers)
    .values({ ...overrides, userId, roleId })
    .returning();
  return row!;
}
