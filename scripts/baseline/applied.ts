import fs from 'node:fs';
import { createPgliteDatabase } from '../../src/client/pglite.js';
import { parseDatabaseUrl, redactUrl } from '../../src/config/database-url.js';
import {
  pgliteMigrationConnection,
  postgresMigrationConnection,
  type MigrationConnection,
} from '../../src/migrate/connection.js';
import { drizzleMigrationTable } from '../../src/migrate/migration-history.js';

export interface AppliedMigrations {
  /** Where: the redacted URL or the embedded data directory. */
  database: string;
  count: number;
}

async function countApplied(connection: MigrationConnection): Promise<number> {
  const { schema, name } = drizzleMigrationTable;
  const [found] = await connection.query<{ present: boolean }>('select to_regclass($1) is not null as present', [
    `"${schema}"."${name}"`,
  ]);
  if (!found?.present) return 0;
  const [row] = await connection.query<{ count: number }>(`select count(*)::int as count from "${schema}"."${name}"`);
  return row?.count ?? 0;
}

/** How many migrations the configured database has applied; an embedded directory that does not exist has none. */
export async function appliedMigrations(url: string | undefined): Promise<AppliedMigrations> {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'postgres') {
    const connection = postgresMigrationConnection(target);
    try {
      return { database: redactUrl(url!), count: await countApplied(connection) };
    } finally {
      await connection.close();
    }
  }
  if (target.dataDir === null || !fs.existsSync(target.dataDir) || fs.readdirSync(target.dataDir).length === 0) {
    return { database: target.dataDir ?? 'memory://', count: 0 };
  }
  const handle = createPgliteDatabase(target.dataDir);
  try {
    return {
      database: target.dataDir,
      count: await countApplied(pgliteMigrationConnection(handle.client, handle.description)),
    };
  } finally {
    await handle.close();
  }
}
