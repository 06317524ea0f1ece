import path from 'node:path';
import { createPgliteDatabase } from '../../src/client/pglite.js';
import { pgliteMigrationConnection } from '../../src/migrate/connection.js';
import { readMigrationFiles } from '../../src/migrate/migration-files.js';
import { runMigrations } from '../../src/migrate/run-migrations.js';
import { lintDatabaseSecurity } from '../../src/migrate/security-lints.js';
import type { Violation } from './violation.js';

/** The security lints of `drizzle/` applied to a fresh in-memory database: what every new deployment would get. */
export async function schemaSecurityViolations(root: string): Promise<Violation[]> {
  const handle = createPgliteDatabase(null);
  try {
    const connection = pgliteMigrationConnection(handle.client, handle.description);
    await runMigrations(connection, readMigrationFiles(path.join(root, 'drizzle')), () => {});
    return (await lintDatabaseSecurity(connection)).map((finding) => ({
      rule: `security:${finding.lint}`,
      file: 'drizzle/',
      message: `${finding.object}: ${finding.detail}`,
    }));
  } finally {
    await handle.close();
  }
}
