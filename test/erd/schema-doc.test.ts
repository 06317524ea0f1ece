import fs from 'node:fs';
import path from 'node:path';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { describeDoc, loadSchemaTables } from '../../scripts/erd/load.js';
import { mermaidType, renderSchemaDoc } from '../../scripts/erd/render.js';
import { SCHEMA_DOC } from '../../scripts/erd/schema-doc.js';
import { findTables } from '../../scripts/structure/rules.js';
import { packageRoot } from '../../src/config/database-url.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';

const docPath = path.join(packageRoot, SCHEMA_DOC);
const tables = await loadSchemaTables(packageRoot);
const current = await renderSchemaDoc(tables, docPath);

/** Entities declared (`name {`) and relation lines of every mermaid block. */
function diagrams(markdown: string) {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(([, body]) => {
    const lines = body!.split('\n');
    return {
      entities: new Set(lines.flatMap((line) => /^\s+(\w+) \{$/.exec(line)?.[1] ?? [])),
      relations: lines.flatMap((line) => {
        const m = /^\s+(\w+) (\|\||\|o)--(o\{|o\|) (\w+) : "[^"]+"$/.exec(line);
        return m ? [[m[1]!, m[4]!] as const] : [];
      }),
      relationLike: lines.filter((line) => line.includes('--')).length,
    };
  });
}

describe('pnpm db:erd: docs/schema.md', () => {
  it(`the committed file is the generator's output for the current schema (${findTables(packageRoot).length} tables)`, () => {
    expect(tables).toHaveLength(findTables(packageRoot).length);
    expect(fs.readFileSync(docPath, 'utf8')).toBe(current);
  });

  it('is deterministic: the tables in reverse order give the same bytes', async () => {
    expect(await renderSchemaDoc([...tables].reverse(), docPath)).toBe(current);
  });

  it('a new table (a fake one referencing tenants) changes the output: its row, its domain, its relation', async () => {
    const fakeThings = pgTable('fake_things', {
      id: uuid('id').primaryKey(),
      tenantId: uuid('tenant_id')
        .notNull()
        .references(() => tenants.id),
      code: text('code').unique(),
    });
    const changed = await renderSchemaDoc(
      [...tables, { domain: 'fake', table: fakeThings, description: 'Only in this test.' }],
      docPath,
    );
    expect(changed).not.toBe(current);
    expect(changed).toMatch(/\| `fake_things` +\| fake +\| 3 +\| Only in this test\. +\|/);
    expect(changed).toContain('## fake');
    expect(changed).toContain('    text code UK');
    expect(changed).toContain('  tenants ||--o{ fake_things : "tenant_id"');
  });

  it('every relation line of every diagram references entities declared in that diagram', () => {
    const blocks = diagrams(current);
    expect(blocks.length).toBe(new Set(tables.map((t) => t.domain)).size);
    let relations = 0;
    for (const block of blocks) {
      expect(block.relations).toHaveLength(block.relationLike); // every `--` line parsed as a relation
      for (const [parent, child] of block.relations) {
        expect(block.entities).toContain(parent);
        expect(block.entities).toContain(child);
      }
      relations += block.relations.length;
    }
    // one relation per foreign key in the schema
    const foreignKeys = current.match(/ FK/g)?.length ?? 0;
    expect(relations).toBeGreaterThan(0);
    expect(relations).toBeLessThanOrEqual(foreignKeys);
  });

  it('mermaid types are single words (4 SQL types)', () => {
    expect(mermaidType('timestamp(3) with time zone')).toBe('timestamptz(3)');
    expect(mermaidType('numeric(10, 2)')).toBe('numeric(10,2)');
    expect(mermaidType('double precision')).toBe('double_precision');
    expect(mermaidType('text[]')).toBe('text[]');
  });

  it('a description is the first sentence of the JSDoc; "e.g." does not end it', () => {
    expect(describeDoc('/**\n * A role, e.g. `admin`. Second sentence.\n * @internal-table x\n */')).toBe(
      'A role, e.g. `admin`.',
    );
    expect(describeDoc('')).toBe('');
  });
});
