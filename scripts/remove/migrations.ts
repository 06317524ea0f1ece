import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from '../structure/source-files.js';
import { drizzleKitGenerate, onlyFile } from '../scaffold/migrations.js';
import { createdTriggers, orphanedTriggerFunctions } from './sql.js';

// The drop, as reviewable SQL: drizzle-kit's DROP TABLE ... CASCADE (which takes the tables' indexes, triggers,
// policies and grants along), then, when a trigger function served only removed tables, a custom migration that
// drops it: DROP TABLE leaves functions behind.

export interface RemovalMigrations {
  drop: string;
  functions: string | null;
}

export function allMigrationSql(root: string): string {
  return listFiles(path.join(root, 'drizzle'), '.sql')
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n--> statement-breakpoint\n');
}

export function functionsMigration(functions: string[], tables: string[]): string {
  return (
    [
      `-- Trigger functions that served only the removed tables (${tables.join(', ')}): DROP TABLE took their triggers,`,
      '-- not the functions.',
      ...functions.map((fn) => `DROP FUNCTION IF EXISTS public.${fn}();`),
    ].join('\n--> statement-breakpoint\n') + '\n'
  );
}

export function generateRemovalMigrations(
  root: string,
  name: string,
  keptTables: ReadonlySet<string>,
): RemovalMigrations {
  const sql = allMigrationSql(root);
  const gone = new Set(
    createdTriggers(sql)
      .map((t) => t.table)
      .filter((table) => !keptTables.has(table)),
  );
  const drop = onlyFile(drizzleKitGenerate(root, ['--name', name]), name);
  const orphans = orphanedTriggerFunctions(sql, gone);
  if (orphans.length === 0) return { drop: path.relative(root, drop), functions: null };
  const custom = onlyFile(drizzleKitGenerate(root, ['--custom', '--name', `${name}_functions`]), 'custom');
  fs.writeFileSync(custom, functionsMigration(orphans, [...gone].sort()));
  return { drop: path.relative(root, drop), functions: path.relative(root, custom) };
}
