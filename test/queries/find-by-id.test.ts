import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { customType, pgTable, text } from 'drizzle-orm/pg-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { MissingTenantError, ValidationError } from '../../src/errors/classes.js';
import { findByIdInTenantOf, findByIdOf } from '../../src/queries/_lib/find-by-id.js';

// The primary-key lookup runs a prepared statement whose id is a placeholder, and a placeholder's value skips the
// column's mapping: these columns store `key:<uuid>`, so an unmapped id would find nothing.
const prefixedKey = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => `key:${value}`,
  fromDriver: (value) => value.slice('key:'.length),
});

const samples = pgTable('find_by_id_sample', {
  id: prefixedKey('id').primaryKey(),
  tenantId: prefixedKey('tenant_id').notNull(),
  label: text('label').notNull(),
});

const findById = findByIdOf('Sample', samples, 'find_by_id_sample_by_id');
const findInTenant = findByIdInTenantOf('Sample', samples, 'find_by_id_sample_in_tenant');

describe('findByIdOf / findByIdInTenantOf', () => {
  const [id, tenantId, otherTenant] = [randomUUID(), randomUUID(), randomUUID()];

  beforeEach(async () => {
    await db.execute(
      sql`create table find_by_id_sample (id text primary key, tenant_id text not null, label text not null)`,
    );
    await db.insert(samples).values({ id, tenantId, label: 'one' });
  });

  it('finds the row by its id, mapped like the column maps it, and reads it back mapped', async () => {
    expect(await findById(id)).toEqual({ id, tenantId, label: 'one' });
    expect(await findById(id.toUpperCase())).toEqual({ id, tenantId, label: 'one' });
    expect(await findById(randomUUID())).toBeNull();
  });

  it('finds it only within its tenant', async () => {
    expect(await findInTenant(id, { tenantId })).toEqual({ id, tenantId, label: 'one' });
    expect(await findInTenant(id, { tenantId: otherTenant })).toBeNull();
  });

  it('rejects a malformed id or a missing tenant before any SQL', async () => {
    await expect(findById('not-a-uuid')).rejects.toBeInstanceOf(ValidationError);
    await expect(findInTenant(id)).rejects.toBeInstanceOf(MissingTenantError);
  });
});
