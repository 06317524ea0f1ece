import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { factories } from '../../src/testing/factories/index.js';

// One relations() per table keeps relational queries typed end to end (no casts here). On the tenant and auth
// domains, which `pnpm db:remove` cannot take.
describe('relational queries', () => {
  it('tenants → members → user, and a user with memberships, sent invites and sessions', async () => {
    const tenant = await factories.tenants.create();
    const owner = await factories.user.create();
    await factories.tenantMembers.create({ tenantId: tenant.id, userId: owner.id, role: 'owner' });
    await factories.tenantInvites.create({ tenantId: tenant.id, invitedByUserId: owner.id });
    await factories.session.create({ userId: owner.id });

    const found = await db.query.tenants.findFirst({
      where: (t, { eq }) => eq(t.id, tenant.id),
      with: { members: { with: { user: true } }, invites: true },
    });
    expect(found?.members.map((m) => [m.role, m.user.email])).toEqual([['owner', owner.email]]);
    expect(found?.invites).toHaveLength(1);

    const person = await db.query.user.findFirst({
      where: (u, { eq }) => eq(u.id, owner.id),
      with: { memberships: { with: { tenant: true } }, sentTenantInvites: true, sessions: true },
    });
    expect(person?.memberships[0]?.tenant.slug).toBe(tenant.slug);
    expect(person?.sentTenantInvites[0]?.tenantId).toBe(tenant.id);
    expect(person?.sessions).toHaveLength(1);
  });
});
