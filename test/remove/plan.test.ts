import { describe, expect, it } from 'vitest';
import { planRemoval, RemoveError } from '../../scripts/remove/plan.js';
import { packageRoot } from '../../src/config/database-url.js';

// Plans on this repository itself: planning reads, never writes.

describe('planRemoval', () => {
  it('refuses auth, naming the code of other domains that uses it', () => {
    expect(() => planRemoval(packageRoot, 'auth')).toThrow(RemoveError);
    expect(() => planRemoval(packageRoot, 'auth')).toThrow(/tenant, .*still use it/);
    expect(() => planRemoval(packageRoot, 'auth')).toThrow(/src\/schema\/tables\/tenant\/tenant-member\.ts uses user/);
  });

  it('features: deletes its files in every layer, edits the barrels and the tenant and user relations', () => {
    const plan = planRemoval(packageRoot, 'features');
    expect(plan.tables.sort()).toEqual(['todos', 'user_activity_daily', 'waitlist']);
    const deleted = plan.changes.filter((change) => change.after === null).map((change) => change.file);
    const edited = new Map(plan.changes.filter((c) => c.after !== null).map((c) => [c.file, c.after!]));
    for (const layer of ['src/schema/tables', 'src/dto', 'src/queries', 'src/testing/factories', 'test']) {
      expect(deleted).toContain(`${layer}/features/${layer === 'test' ? 'todo.test.ts' : 'todo.ts'}`);
    }
    expect(deleted).toContain('src/seed/features.ts');
    for (const file of ['src/index.ts', 'src/schema/index.ts', 'src/dto/index.ts', 'src/testing/factories/index.ts']) {
      expect(edited.get(file)).toBeDefined();
      expect(edited.get(file)).not.toMatch(/\bTodoQueries\b|\btodos\b|createTodoFactory|features\//);
    }
    expect(edited.get('src/schema/tables/tenant/relations.ts')).not.toContain('many(todos)');
    expect(edited.get('src/schema/tables/auth/relations.ts')).not.toContain('many(todos)');
    expect(edited.get('src/seed/index.ts')).toContain('seedNotifications(tenants)');
    expect(edited.get('src/seed/index.ts')).not.toContain('seedFeatures');
  });

  it('one table: refused while the seed step of its domain still uses it, naming only the names of that table', () => {
    expect(() => planRemoval(packageRoot, 'features', 'waitlist')).toThrow(
      /cannot remove table `waitlist`: src\/seed\/features\.ts still use it[\s\S]*src\/seed\/features\.ts uses WaitlistQueries$/,
    );
  });

  it('admin: the prune registry of system loses the audit-log entry, and keeps its own', () => {
    const plan = planRemoval(packageRoot, 'admin');
    const prune = plan.changes.find((change) => change.file === 'src/queries/system/prune.ts')!.after!;
    expect(prune).not.toContain('AdminAuditLogQueries');
    expect(prune).toContain('TenantActivityQueries.pruneOlderThan');
  });

  it.each([
    [['billing'], /no domain `billing`/],
    [['features', 'invoices'], /has no table `invoices`: its tables are/],
    [['Features'], /must match/],
    [[undefined], /missing domain name/],
  ] as const)('bad input %j: one RemoveError', (args, message) => {
    expect(() => planRemoval(packageRoot, args[0], args[1])).toThrow(message);
  });
});
