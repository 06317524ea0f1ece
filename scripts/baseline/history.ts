import fs from 'node:fs';
import path from 'node:path';

// The migration history as the journal and snapshots tell it: which migrations drizzle-kit generated from a
// schema change, which were written by hand (a custom migration leaves the schema snapshot as it was), and which
// tables the history created that the schema no longer has.

export interface HistoryEntry {
  tag: string;
  sql: string;
  /** Written by hand (`drizzle-kit generate --custom`): the schema snapshot did not change. */
  custom: boolean;
}

export interface History {
  entries: HistoryEntry[];
  /** Tables some snapshot had and the last one does not: removed since. */
  removedTables: Set<string>;
}

interface Snapshot {
  id?: string;
  prevId?: string;
  tables?: Record<string, { name: string }>;
  [key: string]: unknown;
}

const EMPTY: Snapshot = { tables: {}, enums: {}, schemas: {}, sequences: {}, roles: {}, policies: {}, views: {} };

/** JSON with every object's keys sorted: drizzle-kit does not write a snapshot's keys in a stable order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The snapshot without its identity and bookkeeping: what the schema is. */
function schemaOf(snapshot: Snapshot): string {
  const { id: _id, prevId: _prevId, _meta, version: _version, dialect: _dialect, ...schema } = snapshot;
  void _meta;
  const normal = Object.fromEntries(
    Object.keys({ ...EMPTY, ...schema })
      .sort()
      .map((key) => [key, schema[key] ?? EMPTY[key] ?? {}]),
  );
  return canonical(normal);
}

export function readHistory(drizzleDir: string): History {
  const journal = JSON.parse(fs.readFileSync(path.join(drizzleDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  let previous = schemaOf(EMPTY);
  const everCreated = new Set<string>();
  let last: Snapshot = EMPTY;
  const entries = journal.entries.map((entry) => {
    const prefix = String(entry.idx).padStart(4, '0');
    const snapshot = JSON.parse(
      fs.readFileSync(path.join(drizzleDir, 'meta', `${prefix}_snapshot.json`), 'utf8'),
    ) as Snapshot;
    const schema = schemaOf(snapshot);
    const custom = schema === previous;
    previous = schema;
    last = snapshot;
    for (const table of Object.values(snapshot.tables ?? {})) everCreated.add(table.name);
    return { tag: entry.tag, sql: fs.readFileSync(path.join(drizzleDir, `${entry.tag}.sql`), 'utf8'), custom };
  });
  const current = new Set(Object.values(last.tables ?? {}).map((table) => table.name));
  return { entries, removedTables: new Set([...everCreated].filter((table) => !current.has(table))) };
}
