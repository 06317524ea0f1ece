import type { TableNames } from '../names.js';

export const factoryModule = (
  n: TableNames,
) => `import { ${n.tableExport} } from '../../../schema/tables/${n.domainFolder}/${n.fileName}.js';
import { createTenantFactory } from '../tenant/tenant.js';
import { defineFactory, fake } from '../_factory.js';

export const ${n.factory} = () =>
  defineFactory({
    build: (): typeof ${n.tableExport}.$inferInsert => ({ tenantId: fake.uuid(), name: fake.words(3) }),
    parents: { tenantId: async () => (await createTenantFactory().create()).id },
    insert: async (db, input) => (await db.insert(${n.tableExport}).values(input).returning())[0]!,
  });
`;
