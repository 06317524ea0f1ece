import { expect, it } from 'vitest';
import { CreateAdminUserSchema, UpdateAdminUserSchema } from '../../src/dto/index.js';
import { AdminUserQueries } from '../../src/queries/admin/admin-user.js';
import { factories } from '../../src/testing/index.js';

// Upper-case UUIDs in the admin domain parse to the lower case Postgres stores (the rule and the core domains:
// test/dto/uuid-case.test.ts).

it('AdminUserQueries.create and update given upper-case ids return what their DTOs parsed', async () => {
  const userId = (await factories.user.create()).id;
  const input = { userId: userId.toUpperCase(), roleId: (await factories.adminRoles.create()).id.toUpperCase() };
  const admin = await AdminUserQueries.create(input);
  expect(admin).toMatchObject(CreateAdminUserSchema.parse(input));
  expect(admin.userId).toBe(userId);
  const roleId = (await factories.adminRoles.create()).id.toUpperCase();
  expect(await AdminUserQueries.update(admin.id, { roleId })).toMatchObject(UpdateAdminUserSchema.parse({ roleId }));
});
