import { randomUUID } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { TenantDatabaseSchema, type TenantDatabase } from '../../src/dto/tenant/tenant-database.js';
import { ForeignKeyError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { TenantDatabaseQueries } from '../../src/queries/tenant/tenant-database.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import type { tenantDatabases } from '../../src/schema/tables/tenant/tenant-database.js';
import { factories } from '../../src/testing/index.js';

const sealed = (keyId = 'k1') => ({ encryptedUrl: `v1.${keyId}.${randomUUID()}`, keyId });

describe('TenantDatabaseQueries', () => {
  it('the DTO is the row without the sealed URL', () => {
    expectTypeOf<TenantDatabase>().toEqualTypeOf<Omit<typeof tenantDatabases.$inferSelect, 'encryptedUrl'>>();
  });

  it('place records a placement at version 1; find / get read it back without the URL', async () => {
    const tenant = await factories.tenants.create();
    const placed = await TenantDatabaseQueries.place(tenant.id, sealed());
    expect(placed).toMatchObject({ tenantId: tenant.id, keyId: 'k1', version: 1 });
    expect(placed).not.toHaveProperty('encryptedUrl');
    expect(TenantDatabaseSchema.parse(placed)).toEqual(placed);
    expect(await TenantDatabaseQueries.findByTenantId(tenant.id)).toEqual(placed);
    expect(await TenantDatabaseQueries.getByTenantId(tenant.id)).toEqual(placed);
  });

  it('placing again switches the sealed URL and bumps the version', async () => {
    const tenant = await factories.tenants.create();
    await TenantDatabaseQueries.place(tenant.id, sealed('k1'));
    const next = sealed('k2');
    const again = await TenantDatabaseQueries.place(tenant.id, next);
    expect(again).toMatchObject({ keyId: 'k2', version: 2 });
    expect(await TenantDatabaseQueries.findSealed(tenant.id)).toEqual({ tenantId: tenant.id, ...next, version: 2 });
  });

  it('a shared tenant has no placement: find is null, get throws NotFoundError, unplace says false', async () => {
    const tenant = await factories.tenants.create();
    expect(await TenantDatabaseQueries.findByTenantId(tenant.id)).toBeNull();
    expect(await TenantDatabaseQueries.findSealed(tenant.id)).toBeNull();
    await expect(TenantDatabaseQueries.getByTenantId(tenant.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await TenantDatabaseQueries.unplace(tenant.id)).toBe(false);
  });

  it('unplace returns the tenant to the shared database', async () => {
    const row = await factories.tenantDatabases.create();
    expect(await TenantDatabaseQueries.unplace(row.tenantId)).toBe(true);
    expect(await TenantDatabaseQueries.findSealed(row.tenantId)).toBeNull();
  });

  it('listSealed returns every placement in tenant order', async () => {
    const rows = [await factories.tenantDatabases.create(), await factories.tenantDatabases.create()];
    const listed = await TenantDatabaseQueries.listSealed();
    const ours = listed.filter((p) => rows.some((r) => r.tenantId === p.tenantId));
    expect(ours).toEqual(
      rows
        .map((r) => ({ tenantId: r.tenantId, encryptedUrl: r.encryptedUrl, keyId: r.keyId, version: 1 }))
        .sort((a, b) => a.tenantId.localeCompare(b.tenantId)),
    );
  });

  it('bad input names the field; an unknown tenant is a ForeignKeyError', async () => {
    await expect(TenantDatabaseQueries.place('nope', sealed())).rejects.toMatchObject({
      constructor: ValidationError,
      fields: ['tenantId'],
    });
    const tenant = await factories.tenants.create();
    await expect(TenantDatabaseQueries.place(tenant.id, { encryptedUrl: 'x', keyId: 'bad key' })).rejects.toThrow(
      ValidationError,
    );
    await expect(TenantDatabaseQueries.place(tenant.id, { encryptedUrl: '', keyId: 'k1' })).rejects.toThrow(
      /encryptedUrl/,
    );
    await expect(TenantDatabaseQueries.place(randomUUID(), sealed())).rejects.toBeInstanceOf(ForeignKeyError);
  });

  it('deleting the tenant deletes its placement', async () => {
    const row = await factories.tenantDatabases.create();
    await TenantQueries.delete(row.tenantId);
    expect(await TenantDatabaseQueries.findSealed(row.tenantId)).toBeNull();
  });
});
