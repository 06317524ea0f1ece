import { TENANT_ROLES, tenantMembers } from '../../../schema/tables/tenant/tenant-member.js';
import { createUserFactory } from '../auth/user.js';
import { defineFactory, fake } from '../_factory.js';
import { createTenantFactory } from './tenant.js';

/**
 * A membership. The tenant `create` makes has an owner of its own besides this member, so the member can be
 * demoted or removed without tripping the `tenant_members_keep_last_owner` trigger (which keeps one owner per tenant).
 */
export const createTenantMemberFactory = () =>
  defineFactory({
    build: (): typeof tenantMembers.$inferInsert => ({
      tenantId: fake.uuid(),
      userId: fake.uuid(),
      role: fake.pick(TENANT_ROLES),
    }),
    parents: {
      tenantId: async () => {
        const tenant = await createTenantFactory().create();
        const owner = await createUserFactory().create();
        await createTenantMemberFactory().create({ tenantId: tenant.id, userId: owner.id, role: 'owner' });
        return tenant.id;
      },
      userId: async () => (await createUserFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(tenantMembers).values(input).returning())[0]!,
  });
