import { randomUUID } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AdminRoleSchema, type AdminRole } from '../../src/dto/admin/admin-role.js';
import { ConflictError, ForeignKeyError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { AdminRoleQueries } from '../../src/queries/admin/admin-role.js';
import { type adminRoles } from '../../src/schema/tables/admin/admin-role.js';
import { factories } from '../../src/testing/index.js';

describe('AdminRoleQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<AdminRole>().toEqualTypeOf<typeof adminRoles.$inferSelect>();
  });

  it('create trims, dedupes permissions and returns the row DTO', async () => {
    const role = await AdminRoleQueries.create({
      name: '  Support  ',
      permissions: ['users:read', 'users:read', 'billing:*'],
    });
    expect(role).toMatchObject({ name: 'Support', description: null, permissions: ['users:read', 'billing:*'] });
    expect(AdminRoleSchema.parse(role)).toEqual(role);
    expect((await AdminRoleQueries.create({ name: 'Empty' })).permissions).toEqual([]);
  });

  it('create rejects bad input with the field names, and a taken name with ConflictError', async () => {
    const error = await AdminRoleQueries.create({
      name: ' ',
      permissions: ['Not A Permission'],
      id: randomUUID(),
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'name', 'permissions.0']);
    await AdminRoleQueries.create({ name: 'Ops' });
    await expect(AdminRoleQueries.create({ name: 'Ops' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('findById / getById / findByName return the row, null / NotFoundError when absent', async () => {
    const role = await AdminRoleQueries.create({ name: 'Finder' });
    expect(await AdminRoleQueries.findById(role.id)).toEqual(role);
    expect(await AdminRoleQueries.getById(role.id)).toEqual(role);
    expect(await AdminRoleQueries.findByName(' Finder ')).toEqual(role);
    expect(await AdminRoleQueries.findByName('nobody')).toBeNull();
    expect(await AdminRoleQueries.findById(randomUUID())).toBeNull();
    await expect(AdminRoleQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(AdminRoleQueries.findById('nope')).rejects.toBeInstanceOf(ValidationError);
  });

  it('list pages newest first and filters by permission', async () => {
    const created: AdminRole[] = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await AdminRoleQueries.create({ name: `List ${i}`, permissions: i % 2 ? ['users:write'] : ['users:read'] }),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await AdminRoleQueries.list({ limit: 2, cursor });
      seen.push(...page.items.map((r) => r.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = [...created]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((r) => r.name);
    expect(seen).toEqual(expected);
    const writers = await AdminRoleQueries.list({ filter: { permission: 'users:write' } });
    expect(writers.items.map((r) => r.name).sort()).toEqual(['List 1', 'List 3']);
    await expect(AdminRoleQueries.list({ filter: { permission: 'BAD' } })).rejects.toBeInstanceOf(ValidationError);
  });

  it('update changes the given fields, moves updated_at; NotFoundError, ValidationError, ConflictError', async () => {
    const role = await AdminRoleQueries.create({ name: 'Before', permissions: ['a:b'] });
    const updated = await AdminRoleQueries.update(role.id, { description: 'Reads things', permissions: [] });
    expect(updated).toMatchObject({ name: 'Before', description: 'Reads things', permissions: [] });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(role.updatedAt.getTime());
    expect(await AdminRoleQueries.update(role.id, {})).toEqual(updated);
    await expect(AdminRoleQueries.update(randomUUID(), { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(AdminRoleQueries.update(role.id, { name: '' })).rejects.toBeInstanceOf(ValidationError);
    await AdminRoleQueries.create({ name: 'Taken' });
    await expect(AdminRoleQueries.update(role.id, { name: 'Taken' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('delete removes an unused role; a role in use is a ForeignKeyError', async () => {
    const role = await AdminRoleQueries.create({ name: 'Unused' });
    expect(await AdminRoleQueries.delete(role.id)).toEqual(role);
    await expect(AdminRoleQueries.delete(role.id)).rejects.toBeInstanceOf(NotFoundError);
    const admin = await factories.adminUsers.create();
    await expect(AdminRoleQueries.delete(admin.roleId)).rejects.toBeInstanceOf(ForeignKeyError);
    expect(await AdminRoleQueries.findById(admin.roleId)).not.toBeNull();
  });
});
