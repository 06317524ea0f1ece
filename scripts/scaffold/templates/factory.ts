import type { TableNames } from '../names.ts';

export const factoryModule = (
  n: TableNames,
) => `import { ${n.tableExport} } from '../../../schema/tables/${n.domainFolder}/${n.fileName}.ts';
import { createTenantFactory } from '../tenant/tenant.ts';
import { defineFactory, fake } from '../_factory.ts';

export const ${n.factory} = () =>
  defineFactory({
    build: (): typeof ${n.tableExport}.$inferInsert => ({ tenantId: fake.uuid(), name: fake.words(3) }),
    parents: { tenantId: async () => (await createTenantFactory().create()).id },
    insert: async (db, input) => (await db.insert(${n.tableExport}).values(input).returning())[0]!,
  });
`;
