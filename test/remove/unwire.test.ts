import { describe, expect, it } from 'vitest';
import { unwire, type ImportTarget } from '../../scripts/remove/unwire.js';

const target = (specifier: string): ImportTarget =>
  specifier.includes('/features/') ? 'removed' : specifier.startsWith('.') ? 'internal' : 'external';
const options = { target, removedNames: new Set(['todos', 'TodoQueries', 'type Todo']), wiringEdits: 'all' as const };

describe('unwire', () => {
  it('takes removed imports, re-exports, relation entries and factory entries out', () => {
    const text = [
      "import { relations } from 'drizzle-orm';",
      "import { todos } from '../features/todo.js';",
      "import { tenants } from './tenant.js';",
      "export { TodoQueries, TenantQueries } from './queries/index.js';",
      "export * from './features/index.js';",
      'export const tenantsRelations = relations(tenants, ({ many }) => ({',
      '  todos: many(todos),',
      '  members: many(members),',
      '}));',
      '',
    ].join('\n');
    const result = unwire(text, options);
    expect(result.stillUsed).toEqual([]);
    expect(result.text).not.toMatch(/todos|TodoQueries|features/);
    expect(result.text).toContain("export { TenantQueries } from './queries/index.js';");
    expect(result.text).toContain('members: many(members),');
  });

  it('a relations() callback loses the helper its last removed entry used', () => {
    const text = [
      "import { todos } from '../features/todo.js';",
      'export const userRelations = relations(user, ({ one, many }) => ({',
      '  sessions: many(session),',
      '  todo: one(todos),',
      '}));',
    ].join('\n');
    expect(unwire(text, options).text).toContain('relations(user, ({ many }) => ({');
  });

  it('reports a removed name still used outside the wiring: a foreign key is a dependency, not an entry', () => {
    const text = [
      "import { todos } from '../features/todo.js';",
      "export const notes = pgTable('notes', { todoId: uuid().references(() => todos.id) });",
    ].join('\n');
    expect(unwire(text, options).stillUsed).toEqual(['todos']);
  });

  it('edits no wiring in a test: the test is kept whole or deleted', () => {
    const text = "import { todos } from '../features/todo.js';\nconst f = { todos: many(todos) };\n";
    expect(unwire(text, { ...options, wiringEdits: 'none' as const }).stillUsed).toEqual(['todos']);
  });

  it('a test registry loses the entries that name a removed module, and nothing else', () => {
    const text = [
      "import { TodoQueries } from '../../src/queries/features/todo.js';",
      "import { TenantQueries } from '../../src/queries/tenant/tenant.js';",
      'export const updateMethods = [',
      "  { name: 'TenantQueries', update: (id: string) => TenantQueries.update(id, {}) },",
      "  { name: 'TodoQueries', update: (id: string) => TodoQueries.update(id, {}) },",
      '];',
      'const f = { todos: many(todos) };',
      '',
    ].join('\n');
    const result = unwire(text, { ...options, wiringEdits: 'entries' as const });
    expect(result.stillUsed).toEqual([]);
    expect(result.text).not.toContain('TodoQueries');
    expect(result.text).toContain("{ name: 'TenantQueries', update: (id: string) => TenantQueries.update(id, {}) },");
    // Not the package's wiring: a property assignment stays (and would still use the name, were it imported).
    expect(result.text).toContain('const f = { todos: many(todos) };');
  });

  it('a local of the same name shadows the import', () => {
    const text = "import { todos } from '../features/todo.js';\nconst run = (todos: number) => todos + 1;\n";
    expect(unwire(text, options).stillUsed).toEqual([]);
  });
});
