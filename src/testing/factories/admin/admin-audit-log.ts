import { adminAuditLog } from '../../../schema/tables/admin/admin-audit-log.js';
import { defineFactory, fake } from '../_factory.js';
import { createAdminUserFactory } from './admin-user.js';

export const createAdminAuditEntryFactory = () =>
  defineFactory({
    build: (): typeof adminAuditLog.$inferInsert => ({
      adminUserId: fake.uuid(),
      action: fake.pick(['user.impersonate', 'tenant.suspend', 'subscription.refund', 'setting.update']),
      subjectType: fake.pick(['user', 'tenant', 'subscription']),
      subjectId: fake.uuid(),
      metadata: { reason: fake.words(3) },
      ipAddress: `198.51.100.${fake.int(1, 254)}`,
    }),
    parents: { adminUserId: async () => (await createAdminUserFactory().create()).id },
    insert: async (db, input) => (await db.insert(adminAuditLog).values(input).returning())[0]!,
  });
