import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { db } from '../../src/client/db.ts';
import { tenantInvites } from '../../src/schema/tables/tenant/tenant-invites.ts';
import { tenantMembers } from '../../src/schema/tables/tenant/tenant-members.ts';
import type { TenantRole } from '../../src/schema/tables/tenant/tenant-members.ts';
import { insertTenant, insertUser } from './fixtures.ts';

// Tenant-domain parents written straight to the tables (no query objects), for constraint and query tests.

export async function insertMember(tenantId: string, userId: string, role: TenantRole = 'member') {
  const [row] = await db.insert(tenantMembers).values({ tenantId, userId, role }).returning();
  return row!;
}

/** A tenant with one owner (a fresh user). */
export async function insertTenantWithOwner() {
  const tenant = await insertTenant();
  const owner = await insertUser();
  await insertMember(tenant.id, owner.id, 'owner');
  return { tenant, owner };
}

export async function insertInvite(tenantId: string, overrides: Partial<typeof tenantInvites.$inferInsert> = {}) {
  const [row] = await db
    .insert(tenantInvites)
    .values({
      tenantId,
      email: `invitee-${randomUUID()}@example.com`,
      tokenHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      ...overrides,
    })
    .returning();
  return row!;
}
