import { BREAKPOINT, splitStatements, withoutTables } from '../remove/sql.js';
import type { HistoryEntry } from './history.js';

// One migration that recreates what the whole history does. drizzle-kit's CREATE statements for the current schema
// carry the tables, enums, indexes, constraints and policies; the hand-written SQL (roles, functions, triggers,
// grants, data) is not in any schema diff, so it is carried over from the custom migrations, in their order, minus
// statements about tables removed since (a GRANT on several tables only loses the removed ones). Where each part
// goes, in the history's order: the custom SQL written before the first generated migration (roles and claim
// helpers the policies name) first, then the tables, then the rest of the custom SQL (triggers, helpers such as
// private.auth_tenant_ids() that a policy may call, grants, data), and the policies last, once every function they
// call exists.

const isPolicy = (statement: string) => /^\s*CREATE\s+POLICY\b/i.test(statement);

export interface BaselineParts {
  history: HistoryEntry[];
  /** drizzle-kit generate's SQL for the current schema from an empty journal. */
  generated: string;
  removedTables: ReadonlySet<string>;
}

export function composeBaseline({ history, generated, removedTables }: BaselineParts): string {
  const firstGenerated = history.findIndex((entry) => !entry.custom);
  const carried = (entries: HistoryEntry[]) =>
    entries.flatMap((entry) =>
      splitStatements(entry.sql)
        .map((statement) => withoutTables(statement, removedTables))
        .filter((statement): statement is string => statement !== null)
        .map((statement, i) => (i === 0 ? `-- from ${entry.tag}.sql\n${statement}` : statement)),
    );
  const custom = history.filter((entry) => entry.custom);
  const before = firstGenerated === -1 ? [] : custom.filter((entry) => history.indexOf(entry) < firstGenerated);
  const after = custom.filter((entry) => !before.includes(entry));
  const schema = splitStatements(generated);
  const statements = [
    ...carried(before),
    ...schema.filter((statement) => !isPolicy(statement)),
    ...carried(after),
    ...schema.filter(isPolicy),
  ];
  const header =
    '-- Baseline (`pnpm db:baseline`): the current schema as drizzle-kit generates it, with the hand-written SQL of the\n' +
    `-- ${history.length} migrations it replaces (${history.map((entry) => entry.tag).join(', ')}).\n`;
  return `${header}${statements.join(`\n${BREAKPOINT}\n`)}\n`;
}
