import type { TableNames } from '../names.js';
import type { TableAccess } from './rules.js';

const humanWords = (n: TableNames) => n.fileName.replaceAll('-', ' ');

export const tableModule = (n: TableNames, access: TableAccess) => `import { sql } from 'drizzle-orm';
import { check, index, pgTable, text } from 'drizzle-orm/pg-core';
${access === 'tenant' ? "import { tenantRowsPolicy } from '../../_rls.js';\n" : ''}import { id, timestamps } from '../../_shared.js';
import { tenantId } from '../../_tenant.js';

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
