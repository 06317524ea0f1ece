import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import {
  CreateAdminUserSchema,
  CreateTenantMemberSchema,
  CreateTodoSchema,
  CreateUserActivityDailySchema,
  SetActiveTenantSchema,
  UpdateAdminUserSchema,
} from '../../src/dto/index.js';
import { AdminUserQueries } from '../../src/queries/admin/admin-user.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { UserActivityDailyQueries } from '../../src/queries/features/user-activity-daily.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { parseId } from '../../src/queries/_lib/validate.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import { DB_RUNS, assertHolds, expectFieldsEqual } from '../support/properties.js';
import { anyCase } from './arbitraries/fields.js';
import { factories } from '../../src/testing/index.js';

// Ids in any case (the round trips of every create in the domain suites get them from the uuid() field spec; these
// are the writes and reads that take ids outside a generated DTO input): what a DTO or an id argument parses is
// what the row holds and returns.

const variants = (id: string) => anyCase(fc.constant(id));

describe('UUIDs in any case', () => {
  let tenantId: string;
  let userId: string;

  beforeEach(async () => {
    tenantId = (await factories.tenants.create()).id;
    userId = (await factories.user.create()).id;
  });

  it('50 to TodoQueries.createMany (user and tenant scope): the stored rows hold the parsed ids', async () => {
    const count = await assertHolds(fc.tuple(variants(userId), variants(tenantId)), async ([user, tenant]) => {
      const input = { userId: user, title: 'many' };
      expect(await TodoQueries.createMany([input], { tenantId: tenant })).toBe(1);
      const stored = await db
        .select()
        .from(todos)
        .where(eq(todos.tenantId, parseId('Todo', tenant)));
      for (const row of stored) expect(row).toMatchObject({ ...CreateTodoSchema.parse(input), tenantId });
    });
    expect(count).toBe(DB_RUNS);
  });

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

  it('50 to each of TenantMemberQueries.add / get and SessionQueries.setActiveTenant: the rows hold the parsed ids', async () => {
    const session = await factories.session.create({ userId });
    await TenantMemberQueries.add(userId, 'owner', { tenantId });
    const count = await assertHolds(
      fc.tuple(variants(tenantId), variants(session.id), variants(userId)),
      async ([tenant, sessionId, user]) => {
        const member = (await factories.user.create()).id;
        const added = await TenantMemberQueries.add(member.toUpperCase(), 'member', { tenantId: tenant });
        expectFieldsEqual(added, { ...CreateTenantMemberSchema.parse({ userId: member.toUpperCase() }), tenantId });
        expect(await TenantMemberQueries.getByUserId(user, { tenantId: tenant })).toMatchObject({ userId, tenantId });
        const active = await SessionQueries.setActiveTenant(sessionId, tenant);
        expect(active.activeTenantId).toBe(SetActiveTenantSchema.parse({ tenantId: tenant }).tenantId);
        expect(await SessionQueries.getById(sessionId)).toEqual(active);
      },
    );
    expect(count).toBe(DB_RUNS);
  });

  it('50 to UserActivityDailyQueries.increment / forUser: the counter holds the parsed ids', async () => {
    const count = await assertHolds(fc.tuple(variants(userId), variants(tenantId)), async ([user, tenant]) => {
      const input = { userId: user, tenantId: tenant, day: '2026-03-01' };
      const expected = CreateUserActivityDailySchema.parse(input);
      const total = await UserActivityDailyQueries.increment(user, tenant, input.day);
      expect(await UserActivityDailyQueries.forUser(user, input.day, input.day)).toEqual([
        expect.objectContaining({ userId: expected.userId, tenantId: expected.tenantId, eventCount: total }),
      ]);
    });
    expect(count).toBe(DB_RUNS);
  });

  it('50 to TenantQueries.getById and TodoQueries.getById (id and tenant scope): the row comes back', async () => {
    const todo = await TodoQueries.create({ userId, title: 'read me' }, { tenantId });
    const count = await assertHolds(fc.tuple(variants(todo.id), variants(tenantId)), async ([id, tenant]) => {
      expect(await TodoQueries.getById(id, { tenantId: tenant })).toEqual(todo);
      expect((await TenantQueries.getById(tenant)).id).toBe(parseId('Tenant', tenant));
    });
    expect(count).toBe(DB_RUNS);
  });
});
