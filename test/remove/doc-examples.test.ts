import { describe, expect, it } from 'vitest';
import { neededDomains, withoutExamplesOf } from '../../scripts/remove/doc-examples.js';

const page = [
  '# Queries',
  '',
  'Create one:',
  '',
  '<!-- example: run -->',
  '<!-- example-prelude: const tenantId = "t"; -->',
  '```ts',
  "import { TodoQueries } from 'database';",
  "await TodoQueries.create({ title: 'x' }, { tenantId });",
  '```',
  '',
  'A factory:',
  '',
  '```ts',
  'const todo = await factories.todos.create();',
  '```',
  '',
  'Marked, spelling nothing removed:',
  '',
  '<!-- example-needs: features notifications -->',
  '```ts',
  'await db.execute(sql`select count(*) from todos`);',
  '```',
  '',
  'Drizzle 1.0:',
  '',
  '<!-- example: syntax-only (not installed) -->',
  '```ts',
  'r.many.todos();',
  '```',
  '',
  'Tenants stay:',
  '',
  '```ts',
  "import { TenantQueries } from 'database';",
  '```',
  '',
  '```sh',
  'pnpm db:remove features',
  '```',
  '',
].join('\n');

const removedNames = new Set(['TodoQueries', 'todos']);

describe('withoutExamplesOf', () => {
  it('drops the ts blocks that spell a removed name or are marked with the domain, with their markers', () => {
    const { text, dropped } = withoutExamplesOf(page, 'features', removedNames);
    expect(dropped).toEqual([
      { line: 7, reason: 'uses TodoQueries' },
      { line: 14, reason: 'uses todos' },
      { line: 21, reason: 'marked example-needs: features' },
    ]);
    // Each block goes with its markers and the blank line before them; every other line stays, in order.
    const lines = page.split('\n');
    expect(text.split('\n')).toEqual([
      ...lines.slice(0, 3),
      ...lines.slice(10, 12),
      ...lines.slice(16, 18),
      ...lines.slice(23),
    ]);
    expect(text).toContain('<!-- example: syntax-only (not installed) -->\n```ts\nr.many.todos();');
  });

  it('for one table (no domain) only the spelt names count; a page that needs nothing stays byte for byte', () => {
    const { dropped } = withoutExamplesOf(page, null, new Set(['TodoQueries']));
    expect(dropped).toEqual([{ line: 7, reason: 'uses TodoQueries' }]);
    expect(withoutExamplesOf(page, 'billing', new Set(['Invoice']))).toEqual({ text: page, dropped: [] });
  });

  it('reads the domains of an example-needs marker, and nothing from other comments', () => {
    expect(neededDomains('example-needs: features notifications')).toEqual(['features', 'notifications']);
    expect(neededDomains('example-needs: features, admin')).toEqual(['features', 'admin']);
    expect(neededDomains('example: run')).toBeNull();
  });
});
