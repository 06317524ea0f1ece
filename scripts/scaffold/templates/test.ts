import type { TableNames } from '../names.js';

export const testModule = (n: TableNames) => {
  const t = n.tableExport;
  const E = n.entity;
  const Q = n.queries;
  const d = n.domainFolder;
  return `import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { ${E}Schema, type ${E} } from '../../src/dto/${d}/${n.fileName}.js';
import { MissingTenantError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { ${Q} } from '../../src/queries/${d}/${n.fileName}.js';
import { ${n.nameMaxConst}, ${t} } from '../../src/schema/tables/${d}/${n.fileName}.js';
import { withTenant } from '../../src/scope/tenant.js';
import { factories } from '../../src/testing/factories/index.js';

let tenantId: string;
const scope = () => ({ tenantId });

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
});

describe('${Q}', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<${E}>().toEqualTypeOf<typeof ${t}.$inferSelect>();
  });

  it('create trims the name and returns the row DTO', async () => {
    const row = await ${Q}.create({ name: '  First  ' }, scope());
    expect(row).toMatchObject({ tenantId, name: 'First' });
    expect(${E}Schema.parse(row)).toEqual(row);
  });

  it('create rejects 3 bad inputs (empty, too long, unknown field) before any SQL', async () => {
    const inputs = [{ name: '   ' }, { name: 'x'.repeat(${n.nameMaxConst} + 1) }, { name: 'ok', extra: 1 }];
    for (const input of inputs) {
      await expect(${Q}.create(input as never, scope())).rejects.toBeInstanceOf(ValidationError);
    }
    expect((await ${Q}.list({}, scope())).items).toHaveLength(0);
  });

  it('findById / getById return the row, null / NotFoundError when absent', async () => {
    const row = await ${Q}.create({ name: 'Find me' }, scope());
    expect(await ${Q}.findById(row.id, scope())).toEqual(row);
    expect(await ${Q}.getById(row.id, scope())).toEqual(row);
    expect(await ${Q}.findById(randomUUID(), scope())).toBeNull();
    await expect(${Q}.getById(randomUUID(), scope())).rejects.toBeInstanceOf(NotFoundError);
    await expect(${Q}.findById('not-a-uuid', scope())).rejects.toBeInstanceOf(ValidationError);
  });

  it("another tenant's 4 operations (find, list, update, delete) never reach the row", async () => {
    const row = await ${Q}.create({ name: 'Mine' }, scope());
    const other = { tenantId: (await factories.tenants.create()).id };
    expect(await ${Q}.findById(row.id, other)).toBeNull();
    expect((await ${Q}.list({}, other)).items).toEqual([]);
    await expect(${Q}.update(row.id, { name: 'Theirs' }, other)).rejects.toBeInstanceOf(NotFoundError);
    await expect(${Q}.delete(row.id, other)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ${Q}.getById(row.id, scope())).toEqual(row);
  });

  it('takes the tenant from withTenant, and refuses to run without one', async () => {
    const row = await withTenant(tenantId, () => ${Q}.create({ name: 'Ambient' }));
    expect(await withTenant(tenantId, () => ${Q}.findById(row.id))).toEqual(row);
    await expect(${Q}.findById(row.id)).rejects.toBeInstanceOf(MissingTenantError);
  });

  it('update changes the name; ${n.trigger} moves updated_at, also for a write outside the query object', async () => {
    const row = await ${Q}.create({ name: 'Before' }, scope());
    const updated = await ${Q}.update(row.id, { name: 'After' }, scope());
    expect(updated.name).toBe('After');
    expect(updated.updatedAt.getTime()).toBeGreaterThan(row.updatedAt.getTime());
    const [raw] = await db.update(${t}).set({ name: 'Raw' }).where(eq(${t}.id, row.id)).returning();
    expect(raw!.updatedAt.getTime()).toBeGreaterThan(updated.updatedAt.getTime());
    expect(await ${Q}.update(row.id, {}, scope())).toEqual(raw);
    await expect(${Q}.update(randomUUID(), { name: 'x' }, scope())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('list pages 7 rows newest first, 3 per page, in 3 pages', async () => {
    const created: ${E}[] = [];
    for (let i = 0; i < 7; i++) created.push(await ${Q}.create({ name: \`Row \${i}\` }, scope()));
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await ${Q}.list({ limit: 3, cursor }, scope());
      pages.push(page.items.map((row) => row.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const newestFirst = [...created]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((row) => row.name);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(newestFirst);
    await expect(${Q}.list({ cursor: 'garbage' }, scope())).rejects.toBeInstanceOf(ValidationError);
  });

  it('delete removes the row; a second delete is NotFoundError', async () => {
    const row = await ${Q}.create({ name: 'Temporary' }, scope());
    expect(await ${Q}.delete(row.id, scope())).toEqual(row);
    expect(await ${Q}.findById(row.id, scope())).toBeNull();
    await expect(${Q}.delete(row.id, scope())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the factory creates a row with its own tenant', async () => {
    const row = await factories.${t}.create();
    expect(await ${Q}.getById(row.id, { tenantId: row.tenantId })).toEqual(row);
  });
});
`;
};
