import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateAdminUserSchema, UpdateAdminUserSchema } from '../../src/dto/index.js';
import { AdminUserQueries } from '../../src/queries/admin/admin-user.js';
import { DB_RUNS, assertHolds, expectFieldsEqual } from '../support/properties.js';
import { anyCase } from './arbitraries/fields.js';
import { factories } from '../../src/testing/index.js';

// UUIDs in any case in the admin domain's writes and reads (the rule: test/properties/uuid-case.test.ts).

const variants = (id: string) => anyCase(fc.constant(id));

describe('UUIDs in any case', () => {
  it('50 to each of AdminUserQueries.create / update / getById: the row holds and returns the parsed ids', async () => {
    const roles = [(await factories.adminRoles.create()).id, (await factories.adminRoles.create()).id];
    const count = await assertHolds(
      fc.tuple(fc.constantFrom(...roles).chain(variants), fc.constantFrom(...roles).chain(variants)),
      async ([createRole, updateRole]) => {
        const create = { userId: (await factories.user.create()).id.toUpperCase(), roleId: createRole };
        const admin = await AdminUserQueries.create(create);
        expectFieldsEqual(admin, CreateAdminUserSchema.parse(create));
        const updated = await AdminUserQueries.update(admin.id.toUpperCase(), { roleId: updateRole });
        expectFieldsEqual(updated, UpdateAdminUserSchema.parse({ roleId: updateRole }));
        expect(await AdminUserQueries.getById(updated.id.toUpperCase())).toEqual(updated);
      },
    );
    expect(count).toBe(DB_RUNS);
  });
});
