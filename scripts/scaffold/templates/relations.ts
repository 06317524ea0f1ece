import type { TableNames } from '../names.js';

/** The `one` side; the `many` side goes into `tenantsRelations` (drizzle's types see one relations() per table). */
export const tableRelations = (
  n: TableNames,
) => `export const ${n.relations} = relations(${n.tableExport}, ({ one }) => ({
  tenant: one(tenants, { fields: [${n.tableExport}.tenantId], references: [tenants.id] }),
}));
`;

export const tenantsModuleFrom = (n: TableNames) =>
  n.domainFolder === 'tenant' ? './tenant.js' : '../tenant/tenant.js';

export const newRelationsModule = (n: TableNames) => `import { relations } from 'drizzle-orm';
import { tenants } from '${tenantsModuleFrom(n)}';
import { ${n.tableExport} } from './${n.fileName}.js';

${tableRelations(n)}`;
