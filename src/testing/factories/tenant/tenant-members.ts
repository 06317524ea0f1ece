import { TENANT_ROLES, tenantMembers } from '../../../schema/tables/tenant/tenant-members.ts';
import { createUserFactory } from '../auth/user.ts';
import { defineFactory, fake } from '../_factory.ts';
import { createTenantFactory } from './tenants.ts';

export const createTenantMemberFactory = () =>
  defineFactory({
    build: (): typeof tenantMembers.$inferInsert => ({
      tenantId: fake.uuid(),
      userId: fake.uuid(),
      role: fake.pick(TENANT_ROLES),
    }),
    parents: {
      tenantId: async () => (await createTenantFactory().create()).id,
      userId: async () => (await createUserFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(tenantMembers).values(input).returning())[0]!,
  });
