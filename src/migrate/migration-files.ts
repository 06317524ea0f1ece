import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config/database-url.js';
import { MigrationError } from '../errors/classes.js';

export const defaultMigrationsFolder = path.join(packageRoot, 'drizzle');

/**
 * `journal`: drizzle-kit 0.x (`meta/_journal.json` + `<tag>.sql`). `folders`: drizzle-kit 1.0 (one
 * `<YYYYMMDDHHMMSS>_<name>/migration.sql` per migration; `drizzle-kit up` converts the one into the other).
 */
export type MigrationLayout = 'journal' | 'folders';

export interface MigrationFile {
  tag: string;
  /** Drizzle 1.0's name for it (its folder name, the one `drizzle-kit up` gives it); 1.0 chooses pending by name. */
  name: string;
  /** The journal's `when`, or the folder's timestamp; drizzle stores it as `created_at`. */
  when: number;
  /** sha256 of the file, as drizzle computes it, so `drizzle-kit migrate` and this runner agree on what ran. */
  hash: string;
  statements: string[];
  layout: MigrationLayout;
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function readMigrationFiles(folder: string = defaultMigrationsFolder): MigrationFile[] {
  const journalPath = path.join(folder, 'meta', '_journal.json');
  if (fs.existsSync(journalPath)) return readJournal(folder, journalPath);
  const folders = fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((entry) => fs.existsSync(path.join(folder, entry, 'migration.sql')))
        .sort((a, b) => a.localeCompare(b)) // drizzle 1.0's order
    : [];
  if (folders.length === 0)
    throw new MigrationError(
      `No migrations in ${folder} (no meta/_journal.json, no */migration.sql); run \`pnpm generate\`.`,
    );
  return folders.map((name) => {
    if (!/^\d{14}_/.test(name))
      throw new MigrationError(`Migration folder ${name} does not start with a YYYYMMDDHHMMSS timestamp.`);
    return migrationFile(name, name, folderMillis(name), path.join(folder, name, 'migration.sql'), 'folders');
  });
}

function readJournal(folder: string, journalPath: string): MigrationFile[] {
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as Journal;
  assertJournalOrder(journal.entries);
  return journal.entries.map(({ tag, when }) => {
    const file = path.join(folder, `${tag}.sql`);
    if (!fs.existsSync(file)) throw new MigrationError(`The journal lists ${tag} but ${file} is missing.`);
    return migrationFile(tag, upgradedName(tag, when), when, file, 'journal');
  });
}

function migrationFile(tag: string, name: string, when: number, file: string, layout: MigrationLayout): MigrationFile {
  const text = fs.readFileSync(file, 'utf8');
  return {
    tag,
    name,
    when,
    hash: createHash('sha256').update(text).digest('hex'),
    statements: text
      .split('--> statement-breakpoint')
      .map((statement) => statement.trim())
      .filter((statement) => statement.length > 0),
    layout,
  };
}

/** The folder `drizzle-kit up` makes of a journal entry: the UTC second of `when`, then the tag without its index. */
export function upgradedName(tag: string, when: number): string {
  const stamp = new Date(when).toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}_${tag.split('_').slice(1).join('_')}`;
}

/** drizzle 1.0's `formatToMillis`: the folder's YYYYMMDDHHMMSS prefix as UTC milliseconds. */
function folderMillis(name: string): number {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) => Number(name.slice(at, at + (i === 0 ? 4 : 2))));
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/**
 * drizzle applies only migrations newer than the newest applied one, so an entry whose `when` is not after its
 * predecessor's (typical after merging two branches that both generated) would be skipped forever without a word.
 */
export function assertJournalOrder(entries: readonly { when: number; tag: string }[]): void {
  for (let i = 1; i < entries.length; i++) {
    const previous = entries[i - 1]!;
    const current = entries[i]!;
    if (current.when <= previous.when) {
      throw new MigrationError(
        `Migration journal out of order: ${current.tag} (when=${current.when}) is not after ${previous.tag} ` +
          `(when=${previous.when}). drizzle would skip it silently. Regenerate the later branch's migration ` +
          '(delete its file and journal entry, then `pnpm generate`), or set its "when" to a later timestamp.',
      );
    }
  }
}
