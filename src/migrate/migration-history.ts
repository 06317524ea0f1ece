import { MigrationError } from '../errors/classes.js';
import type { MigrationConnection } from './connection.js';
import type { MigrationFile } from './migration-files.js';

export interface MigrationTable {
  schema: string;
  name: string;
}

// drizzle's own bookkeeping table by default, so `drizzle-kit migrate` and this runner can take turns on one database.
export const drizzleMigrationTable: MigrationTable = { schema: 'drizzle', name: '__drizzle_migrations' };

interface AppliedRow extends Record<string, unknown> {
  id: number;
  hash: string;
  created_at: string | number;
  name?: string | null;
}

export interface MigrationHistory {
  applied: number;
  pending: MigrationFile[];
  /** The table has drizzle 1.0's `name` column: every row written must carry the name, or 1.0 re-applies it. */
  named: boolean;
}

/**
 * Reads drizzle's bookkeeping table (run it inside the migration transaction), in the shape of the drizzle version
 * whose folder layout `files` come from: 0.x's (id, hash, created_at) for the journal layout, which 1.0 upgrades
 * itself; 1.0's, with `name` and `applied_at`, for the folder layout, created or upgraded here as 1.0 would. Rows
 * without a name get one whenever the column exists, so 1.0, which skips exactly the names it finds, skips them.
 */
export async function readMigrationHistory(
  connection: MigrationConnection,
  table: MigrationTable,
  files: MigrationFile[],
): Promise<MigrationHistory> {
  const qualified = `"${table.schema}"."${table.name}"`;
  await connection.exec(`create schema if not exists "${table.schema}"`);
  const columns = new Set(
    (
      await connection.query<{ column_name: string }>(
        'select column_name from information_schema.columns where table_schema = $1 and table_name = $2',
        [table.schema, table.name],
      )
    ).map((row) => row.column_name),
  );
  const folders = files.some((file) => file.layout === 'folders');
  if (columns.size === 0) {
    const v1 = folders ? ', name text, applied_at timestamp with time zone default now()' : '';
    await connection.exec(
      `create table ${qualified} (id serial primary key, hash text not null, created_at bigint${v1})`,
    );
  } else if (folders && !columns.has('name')) {
    // Rows applied before the upgrade get no applied_at: when they ran is not known (drizzle 1.0 leaves it null too).
    await connection.exec(`
      alter table ${qualified} add column name text;
      alter table ${qualified} add column applied_at timestamp with time zone;
      alter table ${qualified} alter column applied_at set default now();
    `);
  }
  const named = folders || columns.has('name');
  const rows = await connection.query<AppliedRow>(
    `select id, hash, created_at${named ? ', name' : ''} from ${qualified} order by id`,
  );
  const applied = new Set<MigrationFile>();
  for (const row of rows) {
    const file = matchRow(row, files);
    applied.add(file);
    if (named && row.name == null) {
      await connection.query(`update ${qualified} set name = $1 where id = $2`, [file.name, row.id]);
    }
  }
  const pending = files.filter((file) => !applied.has(file));
  if (!folders) assertNoneSkipped(files, applied, pending);
  return { applied: rows.length, pending, named };
}

/**
 * The file a row records: by name when it has one, else as drizzle 1.0's upgrade matches it (the file of the same
 * second, or of the same hash), so both runners read a history the same way. Its hash must still be the file's.
 */
function matchRow(row: AppliedRow, files: MigrationFile[]): MigrationFile {
  let file: MigrationFile | undefined;
  if (row.name != null) {
    file = files.find((candidate) => candidate.name === row.name);
  } else {
    const second = Math.floor(Number(row.created_at) / 1000);
    const sameSecond = files.filter((candidate) => Math.floor(candidate.when / 1000) === second);
    file =
      sameSecond.length === 1
        ? sameSecond[0]
        : (sameSecond.length > 1 ? sameSecond : files).find((f) => f.hash === row.hash);
  }
  if (!file) {
    throw new MigrationError(
      `The database has a migration (${row.name ?? `created_at=${row.created_at}`}) that drizzle/ does not: it was ` +
        'applied from another branch or its file was deleted. Restore it, or remove its row from ' +
        'drizzle.__drizzle_migrations after undoing its changes.',
    );
  }
  if (file.hash !== row.hash) {
    throw new MigrationError(
      `Migration ${file.tag} was edited after it was applied (its hash differs from the database's record). ` +
        'Applied migrations are immutable: revert the edit and put the change in a new migration.',
    );
  }
  return file;
}

/** drizzle 0.x applies only migrations after the newest applied one: an older pending one would never run. */
function assertNoneSkipped(files: MigrationFile[], applied: Set<MigrationFile>, pending: MigrationFile[]): void {
  const last = Math.max(-1, ...[...applied].map((file) => files.indexOf(file)));
  const skipped = pending.find((file) => files.indexOf(file) < last);
  if (skipped) {
    throw new MigrationError(
      `Migration ${skipped.tag} is older than the newest applied migration and would be skipped silently. ` +
        'Give it a later "when" in drizzle/meta/_journal.json (and move it to the end), or regenerate it.',
    );
  }
}
