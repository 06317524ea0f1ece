import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { packageRoot } from '../config/database-url.js';
import { pgliteMigrationConnection } from '../migrate/connection.js';
import { readMigrationFiles } from '../migrate/migration-files.js';
import { runMigrations } from '../migrate/run-migrations.js';

// A fresh PGlite spends ~3 s in initdb and migrating; loading a migrated data directory takes ~0.5 s. The snapshot is
// cached by the hash of the migrations, so only a changed migration pays the full price again.

const cacheDir = path.join(packageRoot, 'node_modules', '.cache', 'database');

export async function migratedPgliteSnapshot(migrationsFolder?: string): Promise<string> {
  const files = readMigrationFiles(migrationsFolder);
  const key = createHash('sha256')
    .update(files.map((file) => file.hash).join(','))
    .digest('hex')
    .slice(0, 16);
  const snapshotPath = path.join(cacheDir, `pglite-${key}.tar`);
  if (fs.existsSync(snapshotPath)) return snapshotPath;

  const client = new PGlite();
  try {
    await runMigrations(pgliteMigrationConnection(client, 'test snapshot'), files, () => {});
    const blob = await client.dumpDataDir('none');
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${snapshotPath}.${process.pid}.tmp`;
    fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(partial, snapshotPath);
  } finally {
    await client.close();
  }
  return snapshotPath;
}

export function loadSnapshot(snapshotPath: string): Blob {
  return new Blob([fs.readFileSync(snapshotPath)]);
}
