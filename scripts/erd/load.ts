import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { findTables } from '../structure/rules.js';
import { constCalls } from '../structure/source-files.js';

/** A table as docs/schema.md shows it: the Drizzle object (for columns and keys) and where it is declared. */
export interface DocumentedTable {
  domain: string;
  table: PgTable;
  /** The first sentence of the JSDoc above the declaration ('' when there is none). */
  description: string;
}

/** The first sentence of a JSDoc block, on one line ('' for none); "e.g." and "i.e." do not end a sentence. */
export function describeDoc(doc: string): string {
  const text = doc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .join(' ')
    .split(/\s@\w+/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  for (const end of text.matchAll(/[.!?](?=\s|$)/g)) {
    const sentence = text.slice(0, end.index + 1);
    if (!/\b(e\.g|i\.e|etc)\.$/.test(sentence)) return sentence;
  }
  return text;
}

/**
 * Every table under src/schema/tables, imported: columns, keys and foreign keys are read from the Drizzle objects;
 * only the domain (the folder) and the description (the JSDoc) come from the source files.
 */
export async function loadSchemaTables(root: string): Promise<DocumentedTable[]> {
  const tables: DocumentedTable[] = [];
  for (const info of findTables(root)) {
    const module = (await import(info.file)) as Record<string, unknown>;
    const table = module[info.name];
    if (!is(table, PgTable)) throw new Error(`${info.file}: export \`${info.name}\` is not a pgTable`);
    const doc = constCalls(info.file).find((call) => call.name === info.name)?.doc ?? '';
    tables.push({ domain: info.domain, table, description: describeDoc(doc) });
  }
  return tables;
}
