import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Migration = { tag: string; when: number; sql: string };

/** A throwaway drizzle-kit 0.x migrations folder: `meta/_journal.json` and one `<tag>.sql` per migration. */
export function writeJournalFolder(migrations: Migration[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  fs.mkdirSync(path.join(folder, 'meta'));
  const entries = migrations.map(({ tag, when }, idx) => ({ idx, version: '7', when, tag, breakpoints: true }));
  fs.writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
  );
  for (const { tag, sql } of migrations) fs.writeFileSync(path.join(folder, `${tag}.sql`), sql);
  return folder;
}

/** A throwaway drizzle-kit 1.0 migrations folder: one `<name>/migration.sql` per migration. */
export function writeFoldersLayout(migrations: { name: string; sql: string }[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-v1-'));
  for (const { name, sql } of migrations) {
    fs.mkdirSync(path.join(folder, name));
    fs.writeFileSync(path.join(folder, name, 'migration.sql'), sql);
  }
  return folder;
}
