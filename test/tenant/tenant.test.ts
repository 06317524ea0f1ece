import { randomUUID } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { TenantSchema, type CreateTenant, type Tenant, type UpdateTenant } from '../../src/dto/tenant/tenant.js';
import { ConflictError, ForeignKeyError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { type tenants } from '../../src/schema/tables/tenant/tenant.js';
import { factories } from '../../src/testing/index.js';

const slug = () => `acme-${randomUUID().slice(0, 8)}`;

describe('TenantQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<Tenant>().toEqualTypeOf<typeof tenants.$inferSelect>();
    expectTypeOf<{ name: string; slug: string }>().toExtend<CreateTenant>();
    expectTypeOf<Record<string, never>>().toExtend<UpdateTenant>();
  });

  it('createWithOwner creates the tenant and its owner membership together', async () => {
    const owner = await factories.user.create();
    const { tenant, owner: membership } = await TenantQueries.createWithOwner(
      { name: '  Acme Inc  ', slug: ' acme-inc ', customAttributes: { plan: 'pro' } },
      owner.id,
    );
    expect(tenant).toMatchObject({
      name: 'Acme Inc',
      slug: 'acme-inc',
      customAttributes: { plan: 'pro' },
      deletedAt: null,
    });
    expect(TenantSchema.parse(tenant)).toEqual(tenant);
    expect(membership).toMatchObject({ tenantId: tenant.id, userId: owner.id, role: 'owner' });
    expect(await TenantMemberQueries.findByUserId(owner.id, { tenantId: tenant.id })).toEqual(membership);
  });

  it('createWithOwner leaves nothing behind when the owner insert fails', async () => {
    const name = `Orphan ${randomUUID()}`;
    await expect(TenantQueries.createWithOwner({ name, slug: slug() }, randomUUID())).rejects.toBeInstanceOf(
      ForeignKeyError,
    );
    expect((await TenantQueries.list({ filter: { nameContains: name } })).items).toEqual([]);
  });

  it('createWithOwner validates before any SQL, and maps a taken slug to ConflictError', async () => {
    const owner = await factories.user.create();
    const error = await TenantQueries.createWithOwner(
      { name: ' ', slug: 'Not A Slug', extra: 1 } as never,
      owner.id,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'name', 'slug']);
    await expect(
      TenantQueries.createWithOwner({ name: 'A', slug: slug(), customAttributes: [] as never }, owner.id),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(TenantQueries.createWithOwner({ name: 'A', slug: slug() }, 'nope')).rejects.toBeInstanceOf(
      ValidationError,
    );
    const taken = await factories.tenants.create();
    await expect(TenantQueries.createWithOwner({ name: 'Copy', slug: taken.slug }, owner.id)).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('findById / getById / findBySlug return the row, null / NotFoundError when absent', async () => {
    const tenant = await factories.tenants.create();
    expect(await TenantQueries.findById(tenant.id)).toEqual(tenant);
    expect(await TenantQueries.getById(tenant.id)).toEqual(tenant);
    expect(await TenantQueries.findBySlug(tenant.slug)).toEqual(tenant);
    expect(await TenantQueries.findById(randomUUID())).toBeNull();
    expect(await TenantQueries.findBySlug('no-such-tenant')).toBeNull();
    await expect(TenantQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(TenantQueries.findById('not-a-uuid')).rejects.toBeInstanceOf(ValidationError);
    await expect(TenantQueries.findBySlug('Bad Slug')).rejects.toBeInstanceOf(ValidationError);
  });

  it('update changes only the given fields, moves updated_at, and maps conflicts', async () => {
    const tenant = await factories.tenants.create({ customAttributes: { a: 1 } });
    const updated = await TenantQueries.update(tenant.id, { name: 'Renamed' });
    expect(updated).toMatchObject({ name: 'Renamed', slug: tenant.slug, customAttributes: { a: 1 } });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(tenant.updatedAt.getTime());
    expect(await TenantQueries.update(tenant.id, {})).toEqual(updated);
    const other = await factories.tenants.create();
    await expect(TenantQueries.update(tenant.id, { slug: other.slug })).rejects.toBeInstanceOf(ConflictError);
    await expect(TenantQueries.update(tenant.id, { name: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(TenantQueries.update(tenant.id, { deletedAt: null } as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(TenantQueries.update(randomUUID(), { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('softDelete hides the tenant from every read unless withDeleted; restore brings it back', async () => {
    const owner = await factories.user.create();
    const { tenant } = await TenantQueries.createWithOwner({ name: `Soft ${randomUUID()}`, slug: slug() }, owner.id);
    await TenantQueries.softDelete(tenant.id);
    expect(await TenantQueries.findById(tenant.id)).toBeNull();
    expect(await TenantQueries.findBySlug(tenant.slug)).toBeNull();
    expect((await TenantQueries.list({ filter: { nameContains: tenant.name } })).items).toEqual([]);
    expect(await TenantQueries.listForUser(owner.id)).toEqual([]);
    expect((await TenantQueries.findById(tenant.id, { withDeleted: true }))?.deletedAt).toBeInstanceOf(Date);
    expect(await TenantQueries.findBySlug(tenant.slug, { withDeleted: true })).not.toBeNull();
    expect(
      (await TenantQueries.list({ filter: { nameContains: tenant.name } }, { withDeleted: true })).items,
    ).toHaveLength(1);
    await expect(TenantQueries.update(tenant.id, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(TenantQueries.softDelete(tenant.id)).rejects.toBeInstanceOf(NotFoundError);
    await TenantQueries.restore(tenant.id);
    expect((await TenantQueries.getById(tenant.id)).deletedAt).toBeNull();
    await expect(TenantQueries.restore(tenant.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('delete removes the tenant with its members, even its owner', async () => {
    const owner = await factories.user.create();
    const { tenant } = await TenantQueries.createWithOwner({ name: 'Gone', slug: slug() }, owner.id);
    await TenantQueries.delete(tenant.id);
    expect(await TenantQueries.findById(tenant.id, { withDeleted: true })).toBeNull();
    expect(await TenantMemberQueries.findByUserId(owner.id, { tenantId: tenant.id })).toBeNull();
    await expect(TenantQueries.delete(tenant.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('list pages newest first with a cursor; nameContains matches literally', async () => {
    const marker = randomUUID().slice(0, 8);
    const created: Tenant[] = [];
    for (let i = 0; i < 5; i++) created.push(await factories.tenants.create({ name: `Paged ${marker} #${i}` }));
    await factories.tenants.create({ name: `Paged ${marker}_%` });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await TenantQueries.list({ limit: 2, cursor, filter: { nameContains: `${marker} #` } });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = [...created].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(seen).toEqual(expected.map((t) => t.id));
    expect((await TenantQueries.list({ filter: { nameContains: `${marker}_%` } })).items.map((t) => t.name)).toEqual([
      `Paged ${marker}_%`,
    ]);
    await expect(TenantQueries.list({ cursor: 'garbage' })).rejects.toBeInstanceOf(ValidationError);
    await expect(TenantQueries.list({ filter: { slug: 'x' } as never })).rejects.toBeInstanceOf(ValidationError);
  });

  it('listForUser returns the live tenants of a user with the role there, by name', async () => {
    const user = await factories.user.create();
    const b = await factories.tenants.create({ name: 'Bravo' });
    const a = await factories.tenants.create({ name: 'Alpha' });
    await factories.tenants.create({ name: 'Not mine' });
    await factories.tenantMembers.create({ tenantId: b.id, userId: user.id, role: 'owner' });
    await factories.tenantMembers.create({ tenantId: a.id, userId: user.id, role: 'member' });
    const mine = await TenantQueries.listForUser(user.id);
    expect(mine.map((t) => [t.name, t.role])).toEqual([
      ['Alpha', 'member'],
      ['Bravo', 'owner'],
    ]);
    expect(await TenantQueries.listForUser(randomUUID())).toEqual([]);
    await expect(TenantQueries.listForUser('nope')).rejects.toBeInstanceOf(ValidationError);
  });
});
