import { adminUsers } from '../../../schema/tables/admin/admin-user.ts';
import { createUserFactory } from '../auth/user.ts';
import { defineFactory, fake } from '../_factory.ts';
import { createAdminRoleFactory } from './admin-role.ts';

export const createAdminUserFactory = () =>
  defineFactory({
    build: (): typeof adminUsers.$inferInsert => ({ userId: fake.uuid(), roleId: fake.uuid(), disabledAt: null }),
    parents: {
      userId: async () => (await createUserFactory().create()).id,
      roleId: async () => (await createAdminRoleFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(adminUsers).values(input).returning())[0]!,
  });
