import { performance } from 'node:perf_hooks';
import { MigrationError } from '../errors/classes.js';
import type { MigrationConnection } from './connection.js';
import type { MigrationFile } from './migration-files.js';
import { drizzleMigrationTable, readMigrationHistory, type MigrationTable } from './migration-history.js';

export { drizzleMigrationTable, type MigrationTable } from './migration-history.js';

export interface MigrationReport {
  applied: { tag: string; ms: number }[];
  alreadyApplied: number;
  ms: number;
}

function errorFacts(error: unknown): string {
  const e = error as { message?: string; code?: string; position?: string };
  return `${e.message ?? String(error)}${e.code ? ` (SQLSTATE ${e.code})` : ''}`;
}

function firstLine(statement: string): string {
  const line = statement.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
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
    await connection.exec('begin');
    try {
      const history = await readMigrationHistory(connection, table, files);
      const { pending, applied } = history;
      if (pending.length === 0) {
        await connection.exec('commit');
        log(`Already up to date: ${applied} migration(s) applied on ${connection.description}.`);
        return { applied: [], alreadyApplied: applied, ms: performance.now() - started };
      }
      log(`Migrating ${connection.description}: ${pending.length} pending, ${applied} already applied.`);
      const report: MigrationReport = { applied: [], alreadyApplied: applied, ms: 0 };
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
        await (history.named
          ? connection.query(`insert into ${tableName} (hash, created_at, name) values ($1, $2, $3)`, [
              file.hash,
              file.when,
              file.name,
            ])
          : connection.query(`insert into ${tableName} (hash, created_at) values ($1, $2)`, [file.hash, file.when]));
        const ms = performance.now() - fileStarted;
        report.applied.push({ tag: file.tag, ms });
        log(`  ✓ ${file.tag} (${ms.toFixed(1)} ms)`);
      }
      await connection.exec('commit');
      report.ms = performance.now() - started;
      log(`Applied ${report.applied.length} migration(s) in ${report.ms.toFixed(0)} ms.`);
      return report;
    } catch (error) {
      await connection.exec('rollback').catch(() => {});
      throw error;
    }
  } finally {
    await connection.release().catch(() => {});
  }
}
