import type { TableNames } from '../names.ts';
import type { TableAccess } from './rules.ts';

const humanWords = (n: TableNames) => n.fileName.replaceAll('-', ' ');

export const tableModule = (n: TableNames, access: TableAccess) => `import { sql } from 'drizzle-orm';
import { check, index, pgTable, text } from 'drizzle-orm/pg-core';
${access === 'tenant' ? "import { tenantRowsPolicy } from '../../_rls.ts';\n" : ''}import { id, timestamps } from '../../_shared.ts';
import { tenantId } from '../../_tenant.ts';

export const ${n.nameMaxConst} = 200;

/** One ${humanWords(n)} of a tenant${access === 'tenant' ? '' : ', for the server only (RLS on, no policy, no client grant)'}. */
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
    check('${n.sqlName}_name_length', sql\`char_length(\${t.name}) between 1 and \${sql.raw(String(${n.nameMaxConst}))}\`),${
      access === 'tenant'
        ? `
    // Row-Level Security, the second tenant wall (see docs/security.md); the query object filters by tenant too.
    tenantRowsPolicy(t.tenantId),
  ],
);`
        : `
  ],
).enableRLS();`
    }
`;
