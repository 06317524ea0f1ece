import { adminRoles } from '../../../schema/tables/admin/admin-role.js';
import { defineFactory, fake } from '../_factory.js';

const PERMISSIONS = ['users:read', 'users:write', 'tenants:read', 'tenants:write', 'billing:read', 'audit:read'];

export const createAdminRoleFactory = () =>
  defineFactory({
    build: (): typeof adminRoles.$inferInsert => ({
      name: `${fake.pick(['Support', 'Billing', 'Operations', 'Security'])} ${fake.sequence()}`,
      description: fake.bool() ? `Staff who handle ${fake.words(2)}` : null,
      permissions: [...new Set([fake.pick(PERMISSIONS), fake.pick(PERMISSIONS)])],
    }),
    insert: async (db, input) => (await db.insert(adminRoles).values(input).returning())[0]!,
  });
