import { performance } from 'node:perf_hooks';
import { MigrationError } from '../errors/classes.js';
import type { MigrationConnection } from './connection.js';
import type { MigrationFile } from './migration-files.js';

export interface MigrationReport {
  applied: { tag: string; ms: number }[];
  alreadyApplied: number;
  ms: number;
}

interface AppliedRow extends Record<string, unknown> {
  hash: string;
  created_at: string | number;
}

export interface MigrationTable {
  schema: string;
  name: string;
}

// drizzle's own bookkeeping table by default, so `drizzle-kit migrate` and this runner can take turns on one database.
export const drizzleMigrationTable: MigrationTable = { schema: 'drizzle', name: '__drizzle_migrations' };

function setupSql({ schema, name }: MigrationTable): string {
  return `
    create schema if not exists "${schema}";
    create table if not exists "${schema}"."${name}" (id serial primary key, hash text not null, created_at bigint);
  `;
}

function errorFacts(error: unknown): string {
  const e = error as { message?: string; code?: string; position?: string };
  return `${e.message ?? String(error)}${e.code ? ` (SQLSTATE ${e.code})` : ''}`;
}

function firstLine(statement: string): string {
  const line = statement.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** Applied rows must be a prefix of the files, unchanged; anything else is refused before any SQL runs. */
function pendingMigrations(files: MigrationFile[], applied: AppliedRow[]): MigrationFile[] {
  const byWhen = new Map(files.map((file) => [file.when, file]));
  for (const row of applied) {
    const file = byWhen.get(Number(row.created_at));
    if (!file) {
      throw new MigrationError(
        `The database has a migration (created_at=${row.created_at}) that drizzle/ does not: it was applied from ` +
          'another branch or its file was deleted. Restore it, or remove its row from drizzle.__drizzle_migrations ' +
          'after undoing its changes.',
      );
    }
    if (file.hash !== row.hash) {
      throw new MigrationError(
        `Migration ${file.tag} was edited after it was applied (its hash differs from the database's record). ` +
          'Applied migrations are immutable: revert the edit and put the change in a new migration.',
      );
    }
  }
  const last = Math.max(0, ...applied.map((row) => Number(row.created_at)));
  const appliedWhens = new Set(applied.map((row) => Number(row.created_at)));
  const skipped = files.filter((file) => file.when <= last && !appliedWhens.has(file.when));
  if (skipped.length > 0) {
    throw new MigrationError(
      `Migration ${skipped[0]!.tag} is older than the newest applied migration and would be skipped silently. ` +
        'Give it a later "when" in drizzle/meta/_journal.json (and move it to the end), or regenerate it.',
    );
  }
  return files.filter((file) => file.when > last);
}

/**
 * Applies pending migrations in one transaction under the migration lock: all of them, or on failure none
 * (the error names the file and statement, and the database is left exactly as it was).
 */
export async function runMigrations(
  connection: MigrationConnection,
  files: MigrationFile[],
  log: (line: string) => void = console.log,
  table: MigrationTable = drizzleMigrationTable,
): Promise<MigrationReport> {
  const started = performance.now();
  const tableName = `"${table.schema}"."${table.name}"`;
  await connection.lock(() => log('Another migration runner holds the lock; waiting for it to finish...'));
  try {
    await connection.exec(setupSql(table));
    const applied = await connection.query<AppliedRow>(`select hash, created_at from ${tableName} order by created_at`);
    const pending = pendingMigrations(files, applied);
    if (pending.length === 0) {
      log(`Already up to date: ${applied.length} migration(s) applied on ${connection.description}.`);
      return { applied: [], alreadyApplied: applied.length, ms: performance.now() - started };
    }
    log(`Migrating ${connection.description}: ${pending.length} pending, ${applied.length} already applied.`);
    const report: MigrationReport = { applied: [], alreadyApplied: applied.length, ms: 0 };
    await connection.exec('begin');
    try {
      for (const file of pending) {
        const fileStarted = performance.now();
        for (const [index, statement] of file.statements.entries()) {
          try {
            await connection.exec(statement);
          } catch (error) {
            throw new MigrationError(
              `Migration ${file.tag}.sql failed at statement ${index + 1} of ${file.statements.length} ` +
                `(${firstLine(statement)}): ${errorFacts(error)}. Nothing was applied: the run was rolled back.`,
              { cause: error },
            );
          }
        }
        await connection.query(`insert into ${tableName} (hash, created_at) values ($1, $2)`, [file.hash, file.when]);
        const ms = performance.now() - fileStarted;
        report.applied.push({ tag: file.tag, ms });
        log(`  ✓ ${file.tag} (${ms.toFixed(1)} ms)`);
      }
      await connection.exec('commit');
    } catch (error) {
      await connection.exec('rollback').catch(() => {});
      throw error;
    }
    report.ms = performance.now() - started;
    log(`Applied ${report.applied.length} migration(s) in ${report.ms.toFixed(0)} ms.`);
    return report;
  } finally {
    await connection.release().catch(() => {});
  }
}
