import { describe, expect, it } from 'vitest';
import { composeBaseline } from '../../scripts/baseline/compose.js';
import { splitStatements } from '../../scripts/remove/sql.js';

const bp = '\n--> statement-breakpoint\n';

describe('composeBaseline', () => {
  const sql = composeBaseline({
    history: [
      { tag: '0000_roles', custom: true, sql: 'CREATE ROLE anon;' },
      { tag: '0001_init', custom: false, sql: 'CREATE TABLE "old";' },
      {
        tag: '0002_rules',
        custom: true,
        sql: [
          'CREATE FUNCTION f();',
          'GRANT SELECT ON "a", "gone" TO x;',
          'CREATE TRIGGER t BEFORE UPDATE ON "gone" EXECUTE FUNCTION f();',
        ].join(bp),
      },
      { tag: '0003_data', custom: true, sql: 'INSERT INTO "a" VALUES (1);' },
    ],
    generated: [
      'CREATE TABLE "a" ();',
      'CREATE POLICY "p" ON "a" USING (f());',
      'ALTER TABLE "a" ENABLE ROW LEVEL SECURITY;',
    ].join(bp),
    removedTables: new Set(['gone']),
  });
  const statements = splitStatements(sql).map((s) =>
    s
      .split('\n')
      .filter((l) => !l.startsWith('--'))
      .join('\n'),
  );

  it('orders: custom SQL before the first generated migration, the tables, the rest of the custom SQL, the policies', () => {
    expect(statements).toEqual([
      'CREATE ROLE anon;',
      'CREATE TABLE "a" ();',
      'ALTER TABLE "a" ENABLE ROW LEVEL SECURITY;',
      'CREATE FUNCTION f();',
      'GRANT SELECT ON "a" TO x;',
      'INSERT INTO "a" VALUES (1);',
      'CREATE POLICY "p" ON "a" USING (f());',
    ]);
  });

  it('carries no generated SQL of the history (the schema diff replaces it)', () => {
    expect(sql).not.toContain('"old"');
  });
});
