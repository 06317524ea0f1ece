import { randomUUID } from 'node:crypto';
import { db } from '../../src/client/db.ts';
import { user } from '../../src/schema/tables/auth/user.ts';
import { tenants } from '../../src/schema/tables/tenant/tenants.ts';

// Minimal parents for feature tests, written straight to the tables.

export async function insertUser(overrides: Partial<typeof user.$inferInsert> = {}) {
  const [row] = await db
    .insert(user)
    .values({ name: 'Ada Lovelace', email: `ada-${randomUUID()}@example.com`, ...overrides })
    .returning();
  return row!;
}

export async function insertTenant(overrides: Partial<typeof tenants.$inferInsert> = {}) {
  const [row] = await db
    .insert(tenants)
    .values({ name: 'Acme', slug: `acme-${randomUUID().slice(0, 8)}`, ...overrides })
    .returning();
  return row!;
}
