import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config/database-url.js';
import { MigrationError } from '../errors/classes.js';

export const defaultMigrationsFolder = path.join(packageRoot, 'drizzle');

export interface MigrationFile {
  tag: string;
  /** The journal's `when`; drizzle stores it as `created_at` and orders by it. */
  when: number;
  /** sha256 of the file, as drizzle computes it, so `drizzle-kit migrate` and this runner agree on what ran. */
  hash: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function readMigrationFiles(folder: string = defaultMigrationsFolder): MigrationFile[] {
  const journalPath = path.join(folder, 'meta', '_journal.json');
  if (!fs.existsSync(journalPath))
    throw new MigrationError(`No migration journal at ${journalPath}; run \`pnpm generate\` first.`);
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as Journal;
  assertJournalOrder(journal.entries);
  return journal.entries.map(({ tag, when }) => {
    const file = path.join(folder, `${tag}.sql`);
    if (!fs.existsSync(file)) throw new MigrationError(`The journal lists ${tag} but ${file} is missing.`);
    const text = fs.readFileSync(file, 'utf8');
    return {
      tag,
      when,
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text
        .split('--> statement-breakpoint')
        .map((statement) => statement.trim())
        .filter((statement) => statement.length > 0),
    };
  });
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
