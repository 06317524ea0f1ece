import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStructure, type Violation } from '../../scripts/structure/rules.js';
import { packageRoot } from '../../src/config/database-url.js';
import { clearParseCache } from '../../scripts/structure/source-files.js';

// Each rule of the structural checker, fed a minimal good tree and then a bad variant of it.

const goodTree: Record<string, string> = {
  'src/index.ts': "export * from './schema/index.js';\n",
  'src/schema/index.ts': "export * from './tables/index.js';\n",
  'src/schema/tables/index.ts': "export * from './shop/index.js';\n",
  'src/schema/tables/shop/index.ts': "export { ORDER_STATUSES, orderStatus, orders } from './order.js';\n",
  'src/schema/tables/shop/order.ts': `import { pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../_shared.js';
export const ORDER_STATUSES = ['open', 'paid'] as const;
export const orderStatus = pgEnum('order_status', ORDER_STATUSES);
export const orders = pgTable('orders', { id: id(), note: text('note'), status: orderStatus('status'), ...timestamps() }).enableRLS();
`,
  'src/dto/index.ts': "export * from './shop/order.js';\n",
  'src/dto/_zod.ts': "export { createSelectSchema } from 'drizzle-zod';\n",
  'src/dto/shop/order.ts': `import { orders } from '../../schema/tables/shop/order.js';
import { createSelectSchema } from '../_zod.js';
export const OrderSchema = createSelectSchema(orders);
`,
  'src/queries/shop/order.ts': `import { orders } from '../../schema/tables/shop/order.js';
export const OrderQueries = { table: orders };
`,
  'src/testing/factories/shop/order.ts':
    "import { orders } from '../../../schema/tables/shop/order.js';\nexport const f = orders;\n",
  'test/shop/order.test.ts': `import { OrderQueries } from '../../src/queries/shop/order.js';
it('orders_set_updated_at moves updated_at', () => {});
export const q = OrderQueries;
`,
  'drizzle/0000_init.sql':
    'CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON "orders" FOR EACH ROW EXECUTE FUNCTION set_updated_at();\n',
  'drizzle/meta/_journal.json': JSON.stringify({
    entries: [
      { idx: 0, when: 1000, tag: '0000_init' },
      { idx: 1, when: 2000, tag: '0001_next' },
    ],
  }),
};

const roots: string[] = [];
function tree(changes: Record<string, string | null> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'structure-'));
  roots.push(root);
  for (const [file, text] of Object.entries({ ...goodTree, ...changes })) {
    if (text === null) continue;
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  clearParseCache();
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

const rulesOf = (violations: Violation[]) => [...new Set(violations.map((v) => v.rule))].sort();
const replace = (file: string, from: string, to: string) => ({ [file]: goodTree[file]!.replace(from, to) });

describe('structural checker', () => {
  it('passes the good fixture', () => {
    expect(checkStructure(tree())).toEqual([]);
  });

  it('passes this repository (pnpm check:structure runs inside pnpm test)', () => {
    clearParseCache();
    expect(checkStructure(packageRoot).map((v) => `[${v.rule}] ${v.file}: ${v.message}`)).toEqual([]);
  });

  it('fails when a table is missing from the barrel chain', () => {
    const violations = checkStructure(tree({ 'src/schema/tables/index.ts': '' }));
    expect(violations.find((v) => v.rule === 'barrel-chain')?.message).toMatch(
      /`orders` is not exported through the barrel chain/,
    );
  });

  it.each([
    ['DTO module', 'src/dto/shop/order.ts'],
    ['query object', 'src/queries/shop/order.ts'],
    ['factory', 'src/testing/factories/shop/order.ts'],
    ['test file', 'test/shop/order.test.ts'],
  ])('fails when a table has no %s', (what, file) => {
    const changes: Record<string, string | null> = { [file]: null };
    if (file === 'src/dto/shop/order.ts') changes['src/dto/index.ts'] = '';
    if (file === 'test/shop/order.test.ts')
      changes['pgtap/updated_at.sql'] = "SELECT has_trigger('orders', 'orders_set_updated_at', 'kept');\n";
    const violations = checkStructure(tree(changes)).filter((v) => v.rule === 'companions');
    expect(violations.map((v) => v.message)).toContain(
      violations.find((v) => v.message.includes(`has no ${what}`))?.message ?? `missing: ${what}`,
    );
    expect(violations.some((v) => v.message.startsWith(`table \`orders\` has no ${what}`))).toBe(true);
  });

  it("fails when a layer names the entity's file differently (one singular name in every layer)", () => {
    const plural = tree({
      'src/schema/tables/shop/order.ts': null,
      'src/schema/tables/shop/orders.ts': goodTree['src/schema/tables/shop/order.ts']!,
      'src/schema/tables/shop/index.ts': "export { ORDER_STATUSES, orderStatus, orders } from './orders.js';\n",
    });
    expect(
      checkStructure(plural)
        .filter((v) => v.rule === 'entity-file-name')
        .map((v) => v.message),
    ).toEqual(['table `orders` lives in orders.ts: name its file after the singular entity, order.ts']);
    const factory = tree({
      'src/testing/factories/shop/order.ts': null,
      'src/testing/factories/shop/orders.ts': goodTree['src/testing/factories/shop/order.ts']!,
    });
    expect(
      checkStructure(factory)
        .filter((v) => v.rule === 'entity-file-name')
        .map((v) => v.message),
    ).toEqual([
      "table `orders` has no src/testing/factories/shop/order.ts: every layer names the entity's file order.ts",
    ]);
    const queries = tree({
      'src/queries/shop/order.ts': goodTree['src/queries/shop/order.ts']!.replaceAll('OrderQueries', 'OrdersQueries'),
      'test/shop/order.test.ts': goodTree['test/shop/order.test.ts']!.replaceAll('OrderQueries', 'OrdersQueries'),
    });
    expect(
      checkStructure(queries)
        .filter((v) => v.rule === 'entity-file-name')
        .map((v) => v.message),
    ).toEqual(['exports no `OrderQueries`: a query object is named after its singular entity']);
  });

  it('fails a DTO schema not named after its type plus Schema (one suffix scheme)', () => {
    const root = tree({
      'src/dto/shop/order.ts': `${goodTree['src/dto/shop/order.ts']}export const CreateOrderDTO = OrderSchema.pick({ note: true });
export type CreateOrder = z.input<typeof CreateOrderDTO>;
export type Order = z.infer<typeof OrderSchema>;
`,
    });
    expect(
      checkStructure(root)
        .filter((v) => v.rule === 'dto-name')
        .map((v) => `${v.file} ${v.message}`),
    ).toEqual([
      'src/dto/shop/order.ts:4 `CreateOrderDTO`: an exported DTO schema is named after its type plus `Schema` (e.g. `CreateTodoSchema`)',
      'src/dto/shop/order.ts:5 type `CreateOrder` comes from `CreateOrderDTO`: name the schema `CreateOrderSchema`',
    ]);
  });

  it('accepts an @internal-table with a reason without companions', () => {
    const root = tree({
      'src/schema/tables/shop/order.ts': `${goodTree['src/schema/tables/shop/order.ts']}
/** @internal-table counter rows of a trigger */
export const orderCounters = pgTable('order_counters', { id: id() }).enableRLS();
`,
      'src/schema/tables/shop/index.ts':
        "export { ORDER_STATUSES, orderCounters, orderStatus, orders } from './order.js';\n",
    });
    expect(checkStructure(root)).toEqual([]);
  });

  it('fails when pgTable is aliased or wrapped', () => {
    const aliased = tree(
      replace(
        'src/schema/tables/shop/order.ts',
        'import { pgEnum, pgTable, text }',
        'import { pgEnum, pgTable as table, text }',
      ),
    );
    expect(rulesOf(checkStructure(aliased))).toContain('pgtable-aliased');
    const wrapped = tree({
      'src/schema/tables/shop/order.ts': `${goodTree['src/schema/tables/shop/order.ts']}
const auditedTable = (name: string) => pgTable(name, { id: id() });
export const invoices = auditedTable('invoices');
`,
    });
    expect(checkStructure(wrapped).find((v) => v.rule === 'pgtable-wrapped')?.message).toMatch(
      /`pgTable` used other than/,
    );
  });

  it('fails when a table enables no row-level security, and accepts a policy or .enableRLS()', () => {
    const open = tree(replace('src/schema/tables/shop/order.ts', ').enableRLS();', ');'));
    expect(checkStructure(open)).toEqual([
      expect.objectContaining({ rule: 'table-without-rls', file: 'src/schema/tables/shop/order.ts' }),
    ]);
    const withPolicy = tree(
      replace('src/schema/tables/shop/order.ts', ').enableRLS();', ', (t) => [tenantRowsPolicy(t.id)]);'),
    );
    expect(checkStructure(withPolicy)).toEqual([]);
  });

  it('fails when an enum is not exported', () => {
    const root = tree(replace('src/schema/tables/shop/order.ts', 'export const orderStatus', 'const orderStatus'));
    expect(checkStructure(root).find((v) => v.rule === 'enum-exported')?.message).toMatch(
      /enum `orderStatus`.*CREATE TYPE/,
    );
    const notInBarrel = tree({
      'src/schema/tables/shop/index.ts': "export { ORDER_STATUSES, orders } from './order.js';\n",
    });
    expect(rulesOf(checkStructure(notInBarrel))).toEqual(['enum-exported']);
  });

  it('fails when no test names a trigger outside a comment, and accepts a test or a pgTAP statement naming it', () => {
    const unnamed = "it('moves updated_at', () => {});";
    const violation = [
      'trigger `orders_set_updated_at` is created here but no test names it outside a comment (test/**/*.ts code or a pgtap/*.sql statement)',
    ];
    const testLine = "it('orders_set_updated_at moves updated_at', () => {});";
    expect(checkStructure(tree(replace('test/shop/order.test.ts', testLine, unnamed))).map((v) => v.message)).toEqual(
      violation,
    );
    for (const comment of [
      '// orders_set_updated_at moves updated_at',
      '/** orders_set_updated_at moves updated_at */',
    ]) {
      const root = tree(replace('test/shop/order.test.ts', testLine, `${comment}\n${unnamed}`));
      expect(checkStructure(root).map((v) => v.message)).toEqual(violation);
    }
    const inPgtapComment = tree({
      ...replace('test/shop/order.test.ts', testLine, unnamed),
      'pgtap/updated_at.sql':
        '-- orders_set_updated_at moves updated_at\n/* orders_set_updated_at */\nSELECT plan(1);\n',
    });
    expect(checkStructure(inPgtapComment).map((v) => v.message)).toEqual(violation);
    const inPgtapStatement = tree({
      ...replace('test/shop/order.test.ts', testLine, unnamed),
      'pgtap/updated_at.sql': "SELECT has_trigger('orders', 'orders_set_updated_at', 'kept');\n",
    });
    expect(checkStructure(inPgtapStatement)).toEqual([]);
  });

  it('fails when a table with updated_at has no updated_at trigger', () => {
    const root = tree({ 'drizzle/0000_init.sql': 'select 1;' });
    expect(rulesOf(checkStructure(root))).toEqual(['updated-at-trigger']);
  });

  it('fails when a file outside the domain-events module inserts into domain_events', () => {
    const root = tree({
      'src/queries/shop/sneaky.ts':
        'export const f = (db: any, domainEvents: any) => db.insert(domainEvents).values({});\n',
      'scripts/raw.ts': "export const q = 'INSERT INTO domain_events (id) values (1)';\n",
    });
    const violations = checkStructure(root).filter((v) => v.rule === 'domain-events-insert');
    expect(violations.map((v) => v.file).sort()).toEqual(['scripts/raw.ts', 'src/queries/shop/sneaky.ts']);
  });

  it('fails when a database/dto module imports the driver or the client', () => {
    const driver = tree(
      replace(
        'src/dto/shop/order.ts',
        'import { createSelectSchema }',
        "import postgres from 'postgres';\nimport { createSelectSchema }",
      ),
    );
    expect(checkStructure(driver).find((v) => v.rule === 'dto-driver-free')?.message).toMatch(
      /must not import postgres \(import chain: src\/dto\/index.ts → src\/dto\/shop\/order.ts → postgres\)/,
    );
    const client = tree({
      'src/client/db.ts': 'export const db = {};\n',
      ...replace(
        'src/dto/shop/order.ts',
        'import { createSelectSchema }',
        "import { db } from '../../client/db.js';\nimport { createSelectSchema }",
      ),
    });
    expect(rulesOf(checkStructure(client))).toEqual(['dto-driver-free']);
  });

  it('fails when the journal timestamps are not strictly increasing', () => {
    const root = tree({
      'drizzle/meta/_journal.json': JSON.stringify({
        entries: [
          { idx: 0, when: 2000, tag: '0000_init' },
          { idx: 1, when: 2000, tag: '0001_next' },
        ],
      }),
    });
    expect(checkStructure(root).find((v) => v.rule === 'journal-order')?.message).toMatch(/out of order: 0001_next/);
  });
});
