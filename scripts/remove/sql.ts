// Reading the hand-written SQL of drizzle/ statement by statement: which statements name a table, which trigger
// functions serve which tables. Statements are split at drizzle's `--> statement-breakpoint` markers.

export const BREAKPOINT = '--> statement-breakpoint';

export function splitStatements(sql: string): string[] {
  return sql
    .split(BREAKPOINT)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** The statement without `--` comment lines, so a table named in a comment does not count as used. */
export function withoutComments(statement: string): string {
  return statement
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
}

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the statement's code (not its comments) names `table`, quoted or as a bare word. */
export function mentionsTable(statement: string, table: string): boolean {
  return new RegExp(`(?<![\\w"])"?${escape(table)}"?(?![\\w"])`).test(withoutComments(statement));
}

const TABLE_LIST =
  /^(\s*(?:GRANT|REVOKE)\b[\s\S]*?\bON\s+(?:TABLE\s+)?)((?:"[^"]+"\s*,\s*)*"[^"]+")(\s+(?:TO|FROM)\b[\s\S]*)$/i;

/**
 * The statement with `removed` tables taken out of it: a GRANT or REVOKE on a list of tables loses them from its
 * list (null when none is left); any other statement that names one is dropped whole (null).
 */
export function withoutTables(statement: string, removed: ReadonlySet<string>): string | null {
  const named = [...removed].filter((table) => mentionsTable(statement, table));
  if (named.length === 0) return statement;
  const code = withoutComments(statement);
  const list = TABLE_LIST.exec(code);
  if (!list) return null;
  const tables = [...list[2]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
  const kept = tables.filter((table) => !removed.has(table));
  if (kept.length === 0) return null;
  const comments = statement.split('\n').filter((line) => line.trimStart().startsWith('--'));
  const rest = [...comments, `${list[1]!.trimStart()}${kept.map((table) => `"${table}"`).join(', ')}${list[3]}`].join(
    '\n',
  );
  // The list's own tables were the only mentions: anything else naming a removed table drops the statement.
  return named.some((table) => mentionsTable(list[1]! + list[3]!, table)) ? null : rest;
}

export interface CreatedTrigger {
  name: string;
  table: string;
  fn: string;
}

/** `CREATE TRIGGER <name> ... ON "<table>" ... EXECUTE FUNCTION <fn>()` statements of the SQL. */
export function createdTriggers(sql: string): CreatedTrigger[] {
  const pattern =
    /CREATE\s+(?:OR\s+REPLACE\s+)?TRIGGER\s+"?(\w+)"?[\s\S]*?\bON\s+(?:"?public"?\.)?"?(\w+)"?[\s\S]*?EXECUTE\s+(?:FUNCTION|PROCEDURE)\s+(?:"?public"?\.)?"?(\w+)"?\s*\(/gi;
  return [...withoutComments(sql).matchAll(pattern)].map((match) => ({
    name: match[1]!,
    table: match[2]!,
    fn: match[3]!,
  }));
}

/** Functions `DROP FUNCTION` statements of the SQL drop (unqualified names). */
export function droppedFunctions(sql: string): Set<string> {
  const pattern = /DROP\s+FUNCTION\s+(?:IF\s+EXISTS\s+)?(?:"?public"?\.)?"?(\w+)"?/gi;
  return new Set([...withoutComments(sql).matchAll(pattern)].map((match) => match[1]!));
}

/**
 * Trigger functions every trigger of which is on a removed table: dropping the tables drops their triggers, but
 * the functions would stay behind, unused. Functions already dropped by an earlier migration are left out.
 */
export function orphanedTriggerFunctions(sql: string, removed: ReadonlySet<string>): string[] {
  const byFunction = new Map<string, string[]>();
  for (const trigger of createdTriggers(sql)) {
    byFunction.set(trigger.fn, [...(byFunction.get(trigger.fn) ?? []), trigger.table]);
  }
  const dropped = droppedFunctions(sql);
  return [...byFunction]
    .filter(([fn, tables]) => !dropped.has(fn) && tables.every((table) => removed.has(table)))
    .map(([fn]) => fn)
    .sort();
}
