import { factories } from '../../src/testing/index.js';

/** A tenant with one owner (a fresh user), for tests that act as that owner. */
export async function createTenantWithOwner() {
  const tenant = await factories.tenants.create();
  const owner = await factories.user.create();
  await factories.tenantMembers.create({ tenantId: tenant.id, userId: owner.id, role: 'owner' });
  return { tenant, owner };
}
