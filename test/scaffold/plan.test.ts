import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addObjectProperty, ensureExportStar, ensureImport } from '../../scripts/scaffold/edit-source.js';
import { tableNames } from '../../scripts/scaffold/names.js';
import { ScaffoldError, planScaffold } from '../../scripts/scaffold/plan.js';
import { rulesMigration } from '../../scripts/scaffold/templates/rules.js';
import { clearParseCache } from '../../scripts/structure/source-files.js';
import { findTables, tablesHaveRowSecurity } from '../../scripts/structure/rules.js';
import { packageRoot } from '../../src/config/database-url.js';

// The scaffolder's decisions, without writing: names, refusals, and the edits of existing modules.
// test/scaffold/new-table.test.ts runs the whole thing in a copy of the repository.

const trees: string[] = [];
afterAll(() => {
  for (const root of trees) fs.rmSync(root, { recursive: true, force: true });
});

/** A tree holding only the planned table module, for the structural checker's table rules. */
function treeWith(tableModule: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-plan-'));
  trees.push(root);
  fs.mkdirSync(path.join(root, 'src/schema/tables/billing'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src/schema/tables/billing/invoice.ts'), tableModule);
  clearParseCache();
  return root;
}

const refusal = (domain: string | undefined, table: string | undefined) => {
  try {
    planScaffold(packageRoot, domain, table);
  } catch (error) {
    expect(error).toBeInstanceOf(ScaffoldError);
    return (error as Error).message;
  }
  throw new Error(`planScaffold(${domain}, ${table}) did not refuse`);
};

describe('pnpm db:new: names', () => {
  const cases: [string, string, string][] = [
    ['invoices', 'Invoice', 'invoice'],
    ['invoice_items', 'InvoiceItem', 'invoice-item'],
    ['categories', 'Category', 'category'],
    ['addresses', 'Address', 'address'],
    ['boxes', 'Box', 'box'],
    ['user_activity_daily', 'UserActivityDaily', 'user-activity-daily'],
    ['status', 'Status', 'status'],
    ['analysis', 'Analysis', 'analysis'],
  ];
  it.each(cases)('%s → entity %s, DTO file %s.ts (8 cases)', (table, entity, dtoFile) => {
    const names = tableNames('billing', table);
    expect([names.entity, names.fileName]).toEqual([entity, dtoFile]);
  });

  it('derives one singular kebab file name, camelCase exports and the trigger name from snake_case', () => {
    expect(tableNames('back_office', 'invoice_items')).toMatchObject({
      domainFolder: 'back-office',
      fileName: 'invoice-item',
      tableExport: 'invoiceItems',
      relations: 'invoiceItemsRelations',
      queries: 'InvoiceItemQueries',
      factory: 'createInvoiceItemFactory',
      nameMaxConst: 'INVOICE_ITEM_NAME_MAX',
      trigger: 'invoice_items_set_updated_at',
    });
  });
});

describe('pnpm db:new: refusals (nothing written)', () => {
  it.each([
    ['billing', 'Invoices', 'must match'],
    ['billing', '1invoices', 'must match'],
    ['billing', 'in-voices', 'must match'],
    ['Billing', 'invoices', 'domain name `Billing` must match'],
    ['billing', 'in__voices', 'empty word'],
    ['billing', 'x'.repeat(41), 'longer than 40'],
    ['billing', undefined, 'missing table name'],
    [undefined, undefined, 'missing domain name'],
  ])('%s %s → "%s" (8 bad names)', (domain, table, message) => {
    expect(refusal(domain, table)).toContain(message);
  });

  it('an existing table, by SQL name or export name', () => {
    expect(refusal('billing', 'tenant_invites')).toBe(
      'table `tenant_invites` already exists (src/schema/tables/tenant/tenant-invite.ts): nothing to do, nothing written',
    );
    expect(refusal('billing', 'tenant_members')).toContain('table `tenant_members` already exists');
  });

  it('a table whose exports would clash with the package (tenant_member → TenantMemberSchema, ...)', () => {
    expect(refusal('billing', 'tenant_member')).toMatch(
      /would export names the package already exports: .*TenantMemberSchema/,
    );
  });
});

describe('pnpm db:new: the plan for billing invoices', () => {
  it('creates 9 files and edits 7, touching nothing on disk', () => {
    const plan = planScaffold(packageRoot, 'billing', 'invoices');
    const created = plan.changes.filter((c) => c.before === null).map((c) => c.file);
    const edited = plan.changes.filter((c) => c.before !== null).map((c) => c.file);
    expect(created).toHaveLength(9);
    expect(edited.sort()).toEqual([
      'src/dto/index.ts',
      'src/index.ts',
      'src/schema/index.ts',
      'src/schema/tables/index.ts',
      'src/schema/tables/tenant/relations.ts',
      'src/testing/factories/index.ts',
    ]);
    for (const file of created) expect(fs.existsSync(path.join(packageRoot, file))).toBe(false);
    const tenantRelations = plan.changes.find((c) => c.file === 'src/schema/tables/tenant/relations.ts')!.after;
    expect(tenantRelations).toContain("import { invoices } from '../billing/invoice.js';");
    expect(tenantRelations).toMatch(/: many\(\w+\),\ninvoices: many\(invoices\),\n\}\)\);/);
  });

  it('a tenant table gets its policy; --server-only gets .enableRLS() and no policy; both pass the RLS rule', () => {
    const tableOf = (access: 'tenant' | 'server-only') =>
      planScaffold(packageRoot, 'billing', 'invoices', access).changes.find(
        (c) => c.file === 'src/schema/tables/billing/invoice.ts',
      )!.after;
    expect(tableOf('tenant')).toContain('tenantRowsPolicy(t.tenantId),\n  ],\n);\n');
    expect(tableOf('server-only')).toContain('  ],\n).enableRLS();\n');
    expect(tableOf('server-only')).not.toContain('Policy');
    for (const access of ['tenant', 'server-only'] as const) {
      expect(findTables(treeWith(tableOf(access))).map((t) => t.sqlName)).toContain('invoices');
      expect(tablesHaveRowSecurity(treeWith(tableOf(access)))).toEqual([]);
    }
  });

  it('the rules migration revokes from the client roles, then grants authenticated only for a tenant table', () => {
    const n = tableNames('billing', 'invoices');
    const statements = (access: 'tenant' | 'server-only') =>
      rulesMigration(n, access)
        .split('--> statement-breakpoint')
        .map((s) => s.replace(/^--.*$/gm, '').trim());
    expect(statements('tenant').slice(1)).toEqual([
      'REVOKE ALL ON TABLE "invoices" FROM PUBLIC, anon, authenticated;',
      'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "invoices" TO authenticated;',
      'GRANT ALL ON TABLE "invoices" TO service_role;',
    ]);
    expect(statements('server-only').slice(1)).toEqual([
      'REVOKE ALL ON TABLE "invoices" FROM PUBLIC, anon, authenticated;',
      'GRANT ALL ON TABLE "invoices" TO service_role;',
    ]);
  });

  // On tenant, which `pnpm db:remove` refuses to take (test/remove/plan.test.ts): this holds after any removal.
  it('in an existing domain, adds to its relations.ts and barrels instead of creating them', () => {
    const plan = planScaffold(packageRoot, 'tenant', 'notes');
    const relations = plan.changes.find((c) => c.file === 'src/schema/tables/tenant/relations.ts')!;
    expect(relations.before).not.toBeNull();
    expect(relations.before).not.toContain('notes');
    expect(relations.after).toContain("import { notes } from './note.js';");
    expect(relations.after).toMatch(/: many\(\w+\),\nnotes: many\(notes\),\n\}\)\);/);
    expect(relations.after).toContain('export const notesRelations = relations(notes,');
    const index = plan.changes.find((c) => c.file === 'src/schema/tables/tenant/index.ts')!.after;
    expect(index).toContain('tenantsRelations, notesRelations');
    expect(plan.changes.some((c) => c.file === 'src/schema/tables/index.ts')).toBe(false);
  });
});

describe('pnpm db:new: source edits', () => {
  it('ensureImport merges into an existing import, else adds one in order (packages, ../, ./)', () => {
    const text = "import { a } from 'pkg';\nimport { b } from './b.js';\n";
    expect(ensureImport(text, 'c', 'pkg')).toBe("import { a, c } from 'pkg';\nimport { b } from './b.js';\n");
    expect(ensureImport(text, 'a', 'pkg')).toBe(text);
    expect(ensureImport(text, 'd', '../d.js')).toBe(
      "import { a } from 'pkg';\nimport { d } from '../d.js';\nimport { b } from './b.js';\n",
    );
  });

  it('ensureExportStar adds a domain barrel once, sorted', () => {
    const text = "export * from './a/index.js';\nexport * from './c/index.js';\n";
    const once = ensureExportStar(text, './b/index.js');
    expect(once).toBe("export * from './a/index.js';\nexport * from './b/index.js';\nexport * from './c/index.js';\n");
    expect(ensureExportStar(once, './b/index.js')).toBe(once);
  });

  it('addObjectProperty appends to the literal, with or without a trailing comma (2 shapes)', () => {
    const withComma = 'export const r = relations(t, ({ many }) => ({\n  a: many(a),\n}));\n';
    const without = 'export const r = relations(t, ({ many }) => ({ a: many(a) }));\n';
    expect(addObjectProperty(withComma, 'r', 'b', 'many(b)')).toBe(
      'export const r = relations(t, ({ many }) => ({\n  a: many(a),\nb: many(b),\n}));\n',
    );
    expect(addObjectProperty(without, 'r', 'b', 'many(b)')).toBe(
      'export const r = relations(t, ({ many }) => ({ a: many(a),\nb: many(b), }));\n',
    );
  });
});
