import { tenantActivity } from '../../../schema/tables/tenant/tenant-activity.js';
import { createUserFactory } from '../auth/user.js';
import { defineFactory, fake } from '../_factory.js';
import { createTenantFactory } from './tenant.js';

export const createTenantActivityFactory = () =>
  defineFactory({
    build: (): typeof tenantActivity.$inferInsert => ({
      tenantId: fake.uuid(),
      actorUserId: fake.uuid(),
      action: fake.pick(['todo.created', 'todo.completed', 'member.invited', 'settings.updated']),
      subjectType: fake.pick(['todo', 'member', 'tenant']),
      subjectId: fake.uuid(),
      metadata: { via: fake.pick(['web', 'api']) },
    }),
    parents: {
      tenantId: async () => (await createTenantFactory().create()).id,
      actorUserId: async () => (await createUserFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(tenantActivity).values(input).returning())[0]!,
  });
