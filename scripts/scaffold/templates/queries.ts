import { pascalCase, type TableNames } from '../names.js';

export const listInputType = (n: TableNames) => `List${pascalCase(n.sqlName)}Input`;

export const queriesModule = (n: TableNames) => {
  const t = n.tableExport;
  const E = n.entity;
  return `import { and, eq } from 'drizzle-orm';
import {
  Create${E}Schema,
  Update${E}Schema,
  type Create${E},
  type ${E},
  type Update${E},
} from '../../dto/${n.domainFolder}/${n.fileName}.js';
import { ${t} } from '../../schema/tables/${n.domainFolder}/${n.fileName}.js';
import type { TenantScope } from '../../scope/tenant.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { findByIdInTenantOf } from '../_lib/find-by-id.js';
import { parsePage, type PageRequest } from '../_lib/list-input.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { read, write } from '../_lib/run.js';
import { updateReturning } from '../_lib/update.js';
import { parseId, parseInput, resolveTenantId } from '../_lib/validate.js';

const ENTITY = '${E}';

export type ${listInputType(n)} = PageRequest;

/** Every statement below matches the row by id AND tenant, like findById: another tenant's row is "not found". */
const inTenant = (id: string, tenantId: string) => and(eq(${t}.id, id), eq(${t}.tenantId, tenantId));

const findById = findByIdInTenantOf(ENTITY, ${t}, '${n.sqlName}_find_by_id');

export const ${n.queries} = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  /** Newest first, \`limit\` per page (default 50); pass \`nextCursor\` back for the next page. */
  async list(input: ${listInputType(n)} = {}, options?: TenantScope): Promise<Page<${E}>> {
    const tenantId = resolveTenantId(ENTITY, options);
    const { limit, position } = parsePage(ENTITY, input);
    const rows = await read((db) =>
      db
        .select()
        .from(${t})
        .where(and(eq(${t}.tenantId, tenantId), afterCursor(${t}, position)))
        .orderBy(...newestFirst(${t}))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  async create(input: Create${E}, options?: TenantScope): Promise<${E}> {
    const tenantId = resolveTenantId(ENTITY, options);
    const values = parseInput(ENTITY, Create${E}Schema, input);
    const [row] = await write((db) =>
      db
        .insert(${t})
        .values({ ...values, tenantId })
        .returning(),
    );
    return row!;
  },

  async update(id: string, input: Update${E}, options?: TenantScope): Promise<${E}> {
    const tenantId = resolveTenantId(ENTITY, options);
    const rowId = parseId(ENTITY, id);
    const values = parseInput(ENTITY, Update${E}Schema, input);
    const [row] = await write((db) => updateReturning(db, ${t}, values, inTenant(rowId, tenantId)));
    return orNotFound(row, ENTITY, \`id=\${id}\`);
  },

  async delete(id: string, options?: TenantScope): Promise<${E}> {
    const tenantId = resolveTenantId(ENTITY, options);
    const rowId = parseId(ENTITY, id);
    const [row] = await write((db) => db.delete(${t}).where(inTenant(rowId, tenantId)).returning());
    return orNotFound(row, ENTITY, \`id=\${id}\`);
  },
};
`;
};
