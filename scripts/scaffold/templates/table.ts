import type { TableNames } from '../names.ts';

const humanWords = (n: TableNames) => n.dtoFileName.replaceAll('-', ' ');

export const tableModule = (n: TableNames) => `import { sql } from 'drizzle-orm';
import { check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { tenantRowsPolicy } from '../../_rls.ts';
import { id, timestamps } from '../../_shared.ts';
import { tenantId } from '../../_tenant.ts';

export const ${n.nameMaxConst} = 200;

/** One ${humanWords(n)} of a tenant. */
export const ${n.tableExport} = pgTable(
  '${n.sqlName}',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    ...timestamps(),
  },
  (t) => [
    // Keyset pagination of a tenant's rows, newest first: (tenant_id, created_at desc, id desc).
    index('${n.sqlName}_tenant_created_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    check('${n.sqlName}_name_length', sql\`char_length(\${t.name}) between 1 and \${sql.raw(String(${n.nameMaxConst}))}\`),
    // Row-Level Security, the second tenant wall (see the README); the query object filters by tenant too.
    tenantRowsPolicy(t.tenantId),
  ],
);
`;
