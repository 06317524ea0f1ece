import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AdminAuditLogFilterSchema,
  AdminRoleFilterSchema,
  AdminUserFilterSchema,
  CreateAdminRoleSchema,
  CreateAdminUserSchema,
  LogAdminActionSchema,
  UpdateAdminRoleSchema,
  UpdateAdminUserSchema,
} from '../../src/dto/admin/index.js';
import { AdminAuditLogQueries } from '../../src/queries/admin/admin-audit-log.js';
import { AdminRoleQueries } from '../../src/queries/admin/admin-role.js';
import { AdminUserQueries } from '../../src/queries/admin/admin-user.js';
import { adminAuditLog } from '../../src/schema/tables/admin/admin-audit-log.js';
import { adminRoles } from '../../src/schema/tables/admin/admin-role.js';
import { adminUsers } from '../../src/schema/tables/admin/admin-user.js';
import {
  DB_RUNS,
  DTO_RUNS,
  assertDtoAccepts,
  assertDtoRefuses,
  assertLookupRefuses,
  assertLoggerDrops,
  assertMethodRefuses,
  assertRoundTrips,
  expectFieldsEqual,
  expectJsonObjects,
} from '../support/properties.js';
import * as arb from './arbitraries/admin.js';
import { hostileInput, validInput } from './arbitraries/dto.js';
import { hostileCutoff, hostileKey } from './arbitraries/fields.js';
import { factories } from '../../src/testing/index.js';

const dtos = [
  { name: 'CreateAdminRoleSchema', schema: CreateAdminRoleSchema, spec: arb.createRole(), valid: undefined },
  { name: 'UpdateAdminRoleSchema', schema: UpdateAdminRoleSchema, spec: arb.updateRole(), valid: undefined },
  { name: 'AdminRoleFilterSchema', schema: AdminRoleFilterSchema, spec: arb.roleListFilter(), valid: undefined },
  { name: 'CreateAdminUserSchema', schema: CreateAdminUserSchema, spec: arb.createAdminUser(), valid: undefined },
  { name: 'UpdateAdminUserSchema', schema: UpdateAdminUserSchema, spec: arb.updateAdminUser(), valid: undefined },
  { name: 'AdminUserFilterSchema', schema: AdminUserFilterSchema, spec: arb.adminUserListFilter(), valid: undefined },
  { name: 'LogAdminActionSchema', schema: LogAdminActionSchema, spec: arb.logAction(), valid: undefined },
  {
    name: 'AdminAuditLogFilterSchema',
    schema: AdminAuditLogFilterSchema,
    spec: arb.auditListFilter(),
    valid: arb.validAuditListFilter(),
  },
];

describe('admin DTOs', () => {
  it.each(dtos)('1,000 hostile inputs to $name → ValidationError with field paths', ({ name, schema, spec, valid }) => {
    expect(assertDtoRefuses(name, schema, hostileInput(spec, valid ?? validInput(spec)))).toBe(DTO_RUNS);
  });

  it.each(dtos)('1,000 valid inputs to $name parse', ({ name, schema, spec, valid }) => {
    expect(assertDtoAccepts(name, schema, valid ?? validInput(spec))).toBe(DTO_RUNS);
  });
});

describe('admin queries', () => {
  let roleId: string;

  beforeEach(async () => {
    roleId = (await factories.adminRoles.create()).id;
  });

  it('50 hostile inputs to each of AdminRoleQueries.create / update / list → ValidationError, no row written', async () => {
    const before = await AdminRoleQueries.getById(roleId);
    const calls = [
      await assertMethodRefuses(adminRoles, hostileInput(arb.createRole()), (input) =>
        AdminRoleQueries.create(input as never),
      ),
      await assertMethodRefuses(adminRoles, hostileInput(arb.updateRole()), (input) =>
        AdminRoleQueries.update(roleId, input as never),
      ),
      await assertMethodRefuses(adminRoles, filters(arb.roleListFilter()), (filter) =>
        AdminRoleQueries.list({ filter: filter as never }),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
    expect(await AdminRoleQueries.getById(roleId)).toEqual(before);
  });

  it('50 valid inputs to AdminRoleQueries.create and update read back unchanged (permissions deduplicated)', async () => {
    await assertRoundTrips(validInput(arb.createRole()), async (input) => {
      const role = await AdminRoleQueries.create(input as never);
      expectFieldsEqual(role, CreateAdminRoleSchema.parse(input));
      expect(await AdminRoleQueries.getById(role.id)).toEqual(role);
    });
    await assertRoundTrips(validInput(arb.updateRole()), async (input) => {
      await AdminRoleQueries.update(roleId, input as never);
      expectFieldsEqual(await AdminRoleQueries.getById(roleId), UpdateAdminRoleSchema.parse(input));
    });
  });

  it('50 hostile inputs to each of AdminUserQueries.create / update / list → ValidationError, no row written', async () => {
    const userId = (await factories.user.create()).id;
    const admin = await factories.adminUsers.create({ roleId });
    const calls = [
      await assertMethodRefuses(adminUsers, hostileInput(arb.createAdminUser(userId, roleId)), (input) =>
        AdminUserQueries.create(input as never),
      ),
      await assertMethodRefuses(adminUsers, hostileInput(arb.updateAdminUser(roleId)), (input) =>
        AdminUserQueries.update(admin.id, input as never),
      ),
      await assertMethodRefuses(adminUsers, filters(arb.adminUserListFilter()), (filter) =>
        AdminUserQueries.list({ filter: filter as never }),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
  });

  it('50 valid inputs to AdminUserQueries.create read back unchanged', async () => {
    const otherRoleId = (await factories.adminRoles.create()).id;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(roleId, otherRoleId), async (role) => {
        runs++;
        const input = { userId: (await factories.user.create()).id, roleId: role };
        const admin = await AdminUserQueries.create(input);
        expectFieldsEqual(admin, CreateAdminUserSchema.parse(input));
        expect(await AdminUserQueries.getById(admin.id)).toEqual(admin);
      }),
      { numRuns: DB_RUNS },
    );
    expect(runs).toBe(DB_RUNS);
  });

  it('50 hostile entries to AdminAuditLogQueries.log are dropped as ValidationErrors; 50 hostile list filters refused', async () => {
    const admin = await factories.adminUsers.create({ roleId });
    const dropped = await assertLoggerDrops(adminAuditLog, hostileInput(arb.logAction(admin.id)), (input) =>
      AdminAuditLogQueries.log(input as never),
    );
    const listed = await assertMethodRefuses(
      adminAuditLog,
      hostileInput(arb.auditListFilter(), arb.validAuditListFilter()).filter((c) => c.input != null),
      (filter) => AdminAuditLogQueries.list({ filter: filter as never }),
    );
    expect([dropped, listed]).toEqual([DB_RUNS, DB_RUNS]);
  });

  it('50 valid entries to AdminAuditLogQueries.log read back unchanged, metadata a JSONB object', async () => {
    const admin = await factories.adminUsers.create({ roleId });
    const logged = await assertRoundTrips(validInput(arb.logAction(admin.id)), async (input) => {
      const entry = await AdminAuditLogQueries.log(input as never);
      expect(entry).not.toBeNull();
      expectFieldsEqual(entry!, LogAdminActionSchema.parse(input));
      expect(await AdminAuditLogQueries.getById(entry!.id)).toEqual(entry);
      await expectJsonObjects(adminAuditLog, eq(adminAuditLog.id, entry!.id), ['metadata']);
    });
    expect(logged).toEqual({ runs: DB_RUNS, conflicts: 0 });
  });
});

describe('admin lookups', () => {
  it('50 hostile role names to findByName and 50 hostile cutoffs to pruneAuditEvents → ValidationError', async () => {
    const calls = [
      await assertLookupRefuses(hostileKey(), (name) => AdminRoleQueries.findByName(name as never)),
      await assertLookupRefuses(hostileCutoff(), (cutoff) => AdminAuditLogQueries.pruneAuditEvents(cutoff as never)),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS]);
  });
});

/** List filters: `undefined` means "no filter", so only non-null hostile filters are hostile there. */
function filters(spec: Parameters<typeof hostileInput>[0]) {
  return hostileInput(spec).filter((c) => c.input !== undefined && c.input !== null);
}
