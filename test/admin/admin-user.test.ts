import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { AdminUserSchema, type AdminUser } from '../../src/dto/admin/admin-user.js';
import { ConflictError, ForeignKeyError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { AdminUserQueries } from '../../src/queries/admin/admin-user.js';
import { type adminUsers } from '../../src/schema/tables/admin/admin-user.js';
import { factories } from '../../src/testing/index.js';

let roleId: string;
let userId: string;

beforeEach(async () => {
  roleId = (await factories.adminRoles.create()).id;
  userId = (await factories.user.create()).id;
});

describe('AdminUserQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<AdminUser>().toEqualTypeOf<typeof adminUsers.$inferSelect>();
  });

  it('create returns the row DTO, enabled', async () => {
    const admin = await AdminUserQueries.create({ userId, roleId });
    expect(admin).toMatchObject({ userId, roleId, disabledAt: null });
    expect(AdminUserSchema.parse(admin)).toEqual(admin);
  });

  it('create: ValidationError for bad or extra fields, ConflictError for a second account, ForeignKeyError for unknowns', async () => {
    const error = await AdminUserQueries.create({ userId: 'x', roleId, disabledAt: new Date() } as never).catch(
      (e: unknown) => e,
    );
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'userId']);
    await AdminUserQueries.create({ userId, roleId });
    await expect(AdminUserQueries.create({ userId, roleId })).rejects.toBeInstanceOf(ConflictError);
    await expect(AdminUserQueries.create({ userId: randomUUID(), roleId })).rejects.toBeInstanceOf(ForeignKeyError);
    await expect(
      AdminUserQueries.create({ userId: (await factories.user.create()).id, roleId: randomUUID() }),
    ).rejects.toBeInstanceOf(ForeignKeyError);
  });

  it('findById / getById / findByUserId; null / NotFoundError when absent', async () => {
    const admin = await AdminUserQueries.create({ userId, roleId });
    expect(await AdminUserQueries.findById(admin.id)).toEqual(admin);
    expect(await AdminUserQueries.getById(admin.id)).toEqual(admin);
    expect(await AdminUserQueries.findByUserId(userId)).toEqual(admin);
    expect(await AdminUserQueries.findByUserId((await factories.user.create()).id)).toBeNull();
    expect(await AdminUserQueries.findById(randomUUID())).toBeNull();
    await expect(AdminUserQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(AdminUserQueries.findByUserId('nope')).rejects.toBeInstanceOf(ValidationError);
  });

  it('disable is idempotent and keeps the first time; enable clears it; both NotFoundError when absent', async () => {
    const admin = await AdminUserQueries.create({ userId, roleId });
    const disabled = await AdminUserQueries.disable(admin.id);
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect((await AdminUserQueries.disable(admin.id)).disabledAt).toEqual(disabled.disabledAt);
    expect((await AdminUserQueries.enable(admin.id)).disabledAt).toBeNull();
    await expect(AdminUserQueries.disable(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(AdminUserQueries.enable(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('list pages newest first, filters by role and active', async () => {
    const otherRole = (await factories.adminRoles.create()).id;
    const a = await AdminUserQueries.create({ userId, roleId });
    const b = await AdminUserQueries.create({ userId: (await factories.user.create()).id, roleId: otherRole });
    const c = await AdminUserQueries.create({ userId: (await factories.user.create()).id, roleId });
    await AdminUserQueries.disable(c.id);
    const first = await AdminUserQueries.list({ limit: 2 });
    const second = await AdminUserQueries.list({ limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((x) => x.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(second.nextCursor).toBeNull();
    expect((await AdminUserQueries.list({ filter: { roleId } })).items.map((x) => x.id).sort()).toEqual(
      [a.id, c.id].sort(),
    );
    expect((await AdminUserQueries.list({ filter: { active: false } })).items.map((x) => x.id)).toEqual([c.id]);
    expect((await AdminUserQueries.list({ filter: { roleId, active: true } })).items.map((x) => x.id)).toEqual([a.id]);
    await expect(AdminUserQueries.list({ filter: { roleId: 'x' } })).rejects.toBeInstanceOf(ValidationError);
  });

  it('update changes the role; unknown role is ForeignKeyError; NotFoundError when absent', async () => {
    const admin = await AdminUserQueries.create({ userId, roleId });
    const otherRole = (await factories.adminRoles.create()).id;
    const updated = await AdminUserQueries.update(admin.id, { roleId: otherRole });
    expect(updated.roleId).toBe(otherRole);
    expect(updated.updatedAt.getTime()).toBeGreaterThan(admin.updatedAt.getTime());
    await expect(AdminUserQueries.update(admin.id, { roleId: randomUUID() })).rejects.toBeInstanceOf(ForeignKeyError);
    await expect(AdminUserQueries.update(randomUUID(), { roleId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(AdminUserQueries.update(admin.id, { disabledAt: null } as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('delete removes the account; NotFoundError the second time', async () => {
    const admin = await AdminUserQueries.create({ userId, roleId });
    expect(await AdminUserQueries.delete(admin.id)).toEqual(admin);
    await expect(AdminUserQueries.delete(admin.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
