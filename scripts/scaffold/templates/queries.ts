import { pascalCase, type TableNames } from '../names.ts';

export const listInputType = (n: TableNames) => `List${pascalCase(n.sqlName)}Input`;

export const queriesModule = (n: TableNames) => {
  const t = n.tableExport;
  const E = n.entity;
  return `import { and, eq } from 'drizzle-orm';
import {
  Create${E}DTO,
  Update${E}DTO,
  type Create${E},
  type ${E},
  type Update${E},
} from '../../dto/${n.domainFolder}/${n.dtoFileName}.ts';
import { NotFoundError } from '../../errors.ts';
import { ${t} } from '../../schema/tables/${n.domainFolder}/${n.fileName}.ts';
import type { TenantScope } from '../../tenant-context.ts';
import { PageInput, afterCursor, decodeCursor, newestFirst, toPage, type Page } from '../_lib/keyset.ts';
import { read, write } from '../_lib/run.ts';
import { parseId, parseInput, resolveTenantId } from '../_lib/validate.ts';

const ENTITY = '${E}';

export interface ${listInputType(n)} {
  limit?: number;
  cursor?: string;
}

/** Every statement below matches the row by id AND tenant: another tenant's row is "not found". */
const inTenant = (id: string, tenantId: string) => and(eq(${t}.id, id), eq(${t}.tenantId, tenantId));

async function findById(id: string, options?: TenantScope): Promise<${E} | null> {
  const tenantId = resolveTenantId(ENTITY, options);
  const rowId = parseId(ENTITY, id);
  const rows = await read((db) => db.select().from(${t}).where(inTenant(rowId, tenantId)).limit(1));
  return rows[0] ?? null;
}

export const ${n.queries} = {
  findById,

  async getById(id: string, options?: TenantScope): Promise<${E}> {
    const row = await findById(id, options);
    if (!row) throw new NotFoundError(ENTITY, \`id=\${id}\`);
    return row;
  },

  /** Newest first, \`limit\` per page (default 50); pass \`nextCursor\` back for the next page. */
  async list(input: ${listInputType(n)} = {}, options?: TenantScope): Promise<Page<${E}>> {
    const tenantId = resolveTenantId(ENTITY, options);
    const { limit, cursor } = parseInput(ENTITY, PageInput, input);
    const position = cursor ? decodeCursor(ENTITY, cursor) : undefined;
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
    const values = parseInput(ENTITY, Create${E}DTO, input);
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
    const values = parseInput(ENTITY, Update${E}DTO, input);
    const [row] = await write((db) =>
      Object.keys(values).length === 0
        ? db.select().from(${t}).where(inTenant(rowId, tenantId))
        : db.update(${t}).set(values).where(inTenant(rowId, tenantId)).returning(),
    );
    if (!row) throw new NotFoundError(ENTITY, \`id=\${id}\`);
    return row;
  },

  async delete(id: string, options?: TenantScope): Promise<${E}> {
    const tenantId = resolveTenantId(ENTITY, options);
    const rowId = parseId(ENTITY, id);
    const [row] = await write((db) => db.delete(${t}).where(inTenant(rowId, tenantId)).returning());
    if (!row) throw new NotFoundError(ENTITY, \`id=\${id}\`);
    return row;
  },
};
`;
};
