// needs-domain: features
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { planRemoval } from '../../scripts/remove/plan.js';
import { findTables } from '../../scripts/structure/rules.js';
import { packageRoot } from '../../src/config/database-url.js';

// The plans for the template's `features` domain (the marker above makes `pnpm db:remove features` take this file).

let whole: ReturnType<typeof planRemoval> | undefined;
/** The plan of the whole domain, made once: each plan reads the whole package. */
const wholePlan = () => (whole ??= planRemoval(packageRoot, 'features'));

describe('planRemoval of features', () => {
  it('deletes its files in every layer, edits the barrels and the tenant and user relations', () => {
    const plan = wholePlan();
    // Its tables as they are now: `pnpm db:remove features <table>` may have taken some already.
    const tables = findTables(packageRoot).filter((table) => table.domain === 'features');
    expect(plan.tables.sort()).toEqual(tables.map((table) => table.sqlName).sort());
    expect(plan.tables).toContain('todos');
    const deleted = plan.changes.filter((change) => change.after === null).map((change) => change.file);
    const edited = new Map(plan.changes.filter((c) => c.after !== null).map((c) => [c.file, c.after!]));
    for (const layer of ['src/schema/tables', 'src/dto', 'src/queries', 'src/testing/factories', 'test']) {
      expect(deleted).toContain(`${layer}/features/${layer === 'test' ? 'todo.test.ts' : 'todo.ts'}`);
    }
    expect(deleted).toContain('src/seed/features.ts');
    for (const step of fs.readdirSync(path.join(packageRoot, 'src/seed/features'))) {
      expect(deleted).toContain(`src/seed/features/${step}`);
    }
    expect(deleted).toContain('test/remove/plan-features.test.ts');
    for (const file of ['src/index.ts', 'src/schema/index.ts', 'src/dto/index.ts', 'src/testing/factories/index.ts']) {
      expect(edited.get(file)).toBeDefined();
      expect(edited.get(file)).not.toMatch(/\bTodoQueries\b|\btodos\b|createTodoFactory|features\//);
    }
    expect(edited.get('src/schema/tables/tenant/relations.ts')).not.toContain('many(todos)');
    expect(edited.get('src/schema/tables/auth/relations.ts')).not.toContain('many(todos)');
    expect(edited.get('src/seed/index.ts')).toContain('seedNotifications(tenants)');
    expect(edited.get('src/seed/index.ts')).not.toContain('seedFeatures');
  });

  it('drops the README and docs examples that use its names, and keeps the page around them', () => {
    const plan = wholePlan();
    expect(plan.examplesDropped).toContainEqual(expect.stringMatching(/^README\.md:\d+ \(uses .*TodoQueries/));
    const readme = plan.changes.find((change) => change.file === 'README.md')!;
    expect(readme.before).toContain('TodoQueries');
    expect(readme.before).toContain("await TodoQueries.create({ userId, title: 'Ship it' }, { tenantId });");
    expect(readme.after).not.toContain('await TodoQueries.');
    expect(readme.after).toContain('## Make it yours');
  });

  it('bad input: a table the domain does not have', () => {
    expect(() => planRemoval(packageRoot, 'features', 'invoices')).toThrow(/has no table `invoices`: its tables are/);
  });
});
