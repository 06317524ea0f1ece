import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/config/database-url.js';
import { env } from '../src/config/env.js';
import { runScript } from './_run.js';
import { appliedMigrations } from './baseline/applied.js';
import { composeBaseline } from './baseline/compose.js';
import { readHistory } from './baseline/history.js';
import { drizzleKitGenerate, onlyFile, restoreMigrations, snapshotMigrations } from './scaffold/migrations.js';

// `pnpm db:baseline [--force]`: replaces every migration in drizzle/ with one, 0000_baseline.sql, that recreates
// the same database: drizzle-kit's CREATE statements for the current schema plus the hand-written SQL of the
// history (scripts/baseline/compose.ts says what goes where). For before a first deploy: a database that has
// applied the old migrations would not recognise the new one, so the configured database (DIRECT_URL, else
// DATABASE_URL, else the embedded one) must have none applied, unless --force.

const USAGE = 'usage: pnpm db:baseline [--force]';

await runScript(async () => {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg !== '--force')) throw new Error(USAGE);
  const root = packageRoot;
  const drizzleDir = path.join(root, 'drizzle');
  const history = readHistory(drizzleDir);
  if (!args.includes('--force')) {
    const config = env();
    const applied = await appliedMigrations(config.DIRECT_URL ?? config.DATABASE_URL);
    if (applied.count > 0) {
      throw new Error(
        `${applied.database} has ${applied.count} migration(s) applied: after a baseline it would not recognise the ` +
          'new one and try to create everything again. Run it against a fresh database (or `pnpm db:reset` the ' +
          'embedded one first), or pass --force if you will re-create or re-mark that database yourself. Nothing written.',
      );
    }
  }

  const before = snapshotMigrations(root);
  try {
    for (const file of before.keys()) fs.rmSync(file);
    // drizzle-kit starts a folder from its journal: an empty one makes the next generate the first migration.
    fs.writeFileSync(
      path.join(drizzleDir, 'meta', '_journal.json'),
      `${JSON.stringify({ version: '7', dialect: 'postgresql', entries: [] }, null, 2)}\n`,
    );
    const file = onlyFile(drizzleKitGenerate(root, ['--name', 'baseline']), 'baseline');
    const sql = composeBaseline({
      history: history.entries,
      generated: fs.readFileSync(file, 'utf8'),
      removedTables: history.removedTables,
    });
    fs.writeFileSync(file, sql);
    console.log(
      [
        `✓ drizzle/ now holds one migration, ${path.relative(root, file)}, in place of ${history.entries.length}:`,
        `  the schema's CREATE statements plus the hand-written SQL of the ${history.entries.filter((e) => e.custom).length} custom migrations`,
        history.removedTables.size > 0
          ? `  (statements about removed tables left out: ${[...history.removedTables].sort().join(', ')})`
          : '',
        '',
        'Next:',
        `  git diff --stat drizzle/ && less ${path.relative(root, file)}   review it`,
        '  pnpm db:reset                 migrate a fresh embedded database from it',
        '  pnpm db:check && pnpm test',
      ]
        .filter((line, i, all) => line !== '' || all[i - 1] !== '')
        .join('\n'),
    );
  } catch (error) {
    restoreMigrations(root, before);
    throw new Error(`nothing kept, drizzle/ is back as it was: ${(error as Error).message}`, { cause: error });
  }
});
