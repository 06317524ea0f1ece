import { tenantDatabases } from '../../../schema/tables/tenant/tenant-database.js';
import { defineFactory, fake } from '../_factory.js';
import { createTenantFactory } from './tenant.js';

/** A placement row with an opaque sealed value (not decryptable): for tests of the table itself. */
export const createTenantDatabaseFactory = () =>
  defineFactory({
    build: (): typeof tenantDatabases.$inferInsert => ({
      tenantId: fake.uuid(),
      encryptedUrl: `v1.test.${fake.uuid()}`,
      keyId: 'test',
    }),
    parents: { tenantId: async () => (await createTenantFactory().create()).id },
    insert: async (db, input) => (await db.insert(tenantDatabases).values(input).returning())[0]!,
  });
