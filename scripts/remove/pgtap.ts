import { mentionsTable } from './sql.js';

/**
 * A pgTAP file without the removed tables: null (delete it) when it tests only removed tables; else its one-line
 * assertions about them go and `plan(n)` counts the rest. Multi-line statements about them are left for review.
 */
export function withoutPgtapTables(sql: string, gone: ReadonlySet<string>, kept: string[]): string | null {
  const mentionsGone = (text: string) => [...gone].some((table) => mentionsTable(text, table));
  if (!mentionsGone(sql)) return sql;
  if (!kept.some((table) => mentionsTable(sql, table))) return null;
  const lines = sql.split('\n');
  const assertion = (line: string) => /^SELECT\s.*;\s*$/i.test(line) && !/\bplan\(/i.test(line);
  const keptLines = lines.filter((line) => !(assertion(line) && mentionsGone(line)));
  const dropped = lines.length - keptLines.length;
  return keptLines.join('\n').replace(/\bplan\((\d+)\)/i, (_, n: string) => `plan(${Number(n) - dropped})`);
}
