import { withMigrationConnection } from './connection.js';
import { defaultMigrationsFolder, readMigrationFiles } from './migration-files.js';
import { runMigrations, type MigrationReport } from './run-migrations.js';
import { lintDatabaseSecurity, type SecurityFinding } from './security-lints.js';

export { assertJournalOrder, readMigrationFiles, type MigrationFile } from './migration-files.js';
export { pgliteMigrationConnection, postgresMigrationConnection, type MigrationConnection } from './connection.js';
export { drizzleMigrationTable, runMigrations, type MigrationReport, type MigrationTable } from './run-migrations.js';
export { dropAll, type DropAllOptions } from './drop-all.js';
export {
  SECRET_COLUMN_PATTERN,
  lintDatabaseSecurity,
  type CatalogReader,
  type SecurityFinding,
  type SecurityLintName,
} from './security-lints.js';

export interface MigrateOptions {
  /** A DATABASE_URL-style string (use the direct URL); `undefined` is the embedded default. */
  url: string | undefined;
  migrationsFolder?: string;
  connectTimeoutSeconds?: number;
  log?: (line: string) => void;
}

/** Migrate the database at `url` on a dedicated connection of its own. */
export async function migrate(options: MigrateOptions): Promise<MigrationReport> {
  const files = readMigrationFiles(options.migrationsFolder ?? defaultMigrationsFolder);
  return withMigrationConnection(options, (connection) => runMigrations(connection, files, options.log));
}

/** The security lints (`pnpm db:lint`) of the database at `url`: empty when the Data API exposes nothing unintended. */
export function lintDatabase(
  options: Pick<MigrateOptions, 'url' | 'connectTimeoutSeconds'>,
): Promise<SecurityFinding[]> {
  return withMigrationConnection(options, lintDatabaseSecurity);
}
