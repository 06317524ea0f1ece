import { describe, expect, it } from 'vitest';
import { mentionsTable, orphanedTriggerFunctions, splitStatements, withoutTables } from '../../scripts/remove/sql.js';

const gone = new Set(['todos', 'waitlist']);

describe('statements about removed tables', () => {
  it('a table counts when the code names it, quoted or bare, not in a comment or inside a longer name', () => {
    expect(mentionsTable('CREATE TRIGGER t BEFORE UPDATE ON "todos" FOR EACH ROW', 'todos')).toBe(true);
    expect(mentionsTable('insert into todos values (1)', 'todos')).toBe(true);
    expect(mentionsTable('-- todos are kept\nSELECT 1', 'todos')).toBe(false);
    expect(mentionsTable("ALTER FUNCTION todos_enforce() SET search_path = ''", 'todos')).toBe(false);
  });

  it('a GRANT or REVOKE on several tables loses the removed ones and keeps its comment', () => {
    const statement = '-- why\nGRANT SELECT, INSERT ON "tenants", "todos", "waitlist" TO authenticated;';
    expect(withoutTables(statement, gone)).toBe('-- why\nGRANT SELECT, INSERT ON "tenants" TO authenticated;');
    expect(withoutTables('REVOKE ALL ON TABLE "todos", "waitlist" FROM anon;', gone)).toBeNull();
  });

  it('any other statement naming a removed table goes whole; one naming none stays as it is', () => {
    expect(withoutTables('CREATE TRIGGER todos_x BEFORE UPDATE ON "todos" EXECUTE FUNCTION f();', gone)).toBeNull();
    const kept = 'GRANT SELECT ON "tenants" TO authenticated;';
    expect(withoutTables(kept, gone)).toBe(kept);
  });

  it('a trigger function goes when every trigger that runs it is on a removed table, unless already dropped', () => {
    const sql = splitStatements(
      [
        'CREATE TRIGGER a BEFORE UPDATE ON "todos" FOR EACH ROW EXECUTE FUNCTION set_updated_at();',
        'CREATE TRIGGER b BEFORE UPDATE ON "tenants" FOR EACH ROW EXECUTE FUNCTION set_updated_at();',
        'CREATE TRIGGER c BEFORE UPDATE OF status ON "todos"\n  FOR EACH ROW EXECUTE FUNCTION todos_forward();',
        'CREATE TRIGGER d BEFORE INSERT ON "waitlist" FOR EACH ROW EXECUTE FUNCTION waitlist_x();',
        'DROP FUNCTION IF EXISTS public.waitlist_x();',
      ].join('\n--> statement-breakpoint\n'),
    ).join('\n');
    expect(orphanedTriggerFunctions(sql, gone)).toEqual(['todos_forward']);
  });
});
