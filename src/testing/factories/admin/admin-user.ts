import { adminUsers } from '../../../schema/tables/admin/admin-user.js';
import { createUserFactory } from '../auth/user.js';
import { defineFactory, fake } from '../_factory.js';
import { createAdminRoleFactory } from './admin-role.js';

export const createAdminUserFactory = () =>
  defineFactory({
    build: (): typeof adminUsers.$inferInsert => ({ userId: fake.uuid(), roleId: fake.uuid(), disabledAt: null }),
    parents: {
      userId: async () => (await createUserFactory().create()).id,
      roleId: async () => (await createAdminRoleFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(adminUsers).values(input).returning())[0]!,
  });
