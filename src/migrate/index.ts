import { parseDatabaseUrl } from '../config/database-url.ts';
import { createPgliteDatabase } from '../client/pglite.ts';
import { pgliteMigrationConnection, postgresMigrationConnection } from './connection.ts';
import { defaultMigrationsFolder, readMigrationFiles } from './migration-files.ts';
import { runMigrations, type MigrationReport } from './run-migrations.ts';

export { assertJournalOrder, readMigrationFiles, type MigrationFile } from './migration-files.ts';
export { pgliteMigrationConnection, postgresMigrationConnection, type MigrationConnection } from './connection.ts';
export { drizzleMigrationTable, runMigrations, type MigrationReport, type MigrationTable } from './run-migrations.ts';
export { dropAll, type DropAllOptions } from './drop-all.ts';

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
  const target = parseDatabaseUrl(options.url);
  if (target.kind === 'postgres') {
    const connection = postgresMigrationConnection(target.url, options.connectTimeoutSeconds);
    try {
      return await runMigrations(connection, files, options.log);
    } finally {
      await connection.close();
    }
  }
  const handle = createPgliteDatabase(target.dataDir);
  try {
    return await runMigrations(pgliteMigrationConnection(handle.client, handle.description), files, options.log);
  } finally {
    await handle.close();
  }
}
