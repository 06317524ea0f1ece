import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/config/database-url.js';
import { readMigrationFiles } from '../src/migrate/migration-files.js';
import { runScript } from './_run.js';
import { API_DOC, expectedApiDoc } from './api/doc.js';
import { SCHEMA_DOC, expectedSchemaDoc } from './erd/schema-doc.js';

// `pnpm db:check`: drizzle/ must be exactly what the schema generates, and the journal must be in order.
// Fails when `pnpm generate` would write a new migration, or `drizzle-kit check` complains, or docs/schema.md or
// docs/api.md (every entry point's exports) is stale.

const drizzleKit = path.join(packageRoot, 'node_modules', '.bin', 'drizzle-kit');

function run(args: string[]): string {
  return execFileSync(drizzleKit, args, { cwd: packageRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

await runScript(async () => {
  readMigrationFiles(); // throws on an out-of-order or broken journal
  run(['check']);

  // Generate into a scratch copy of drizzle/ (drizzle-kit wants a path relative to the project).
  const scratch = path.join('node_modules', '.cache', 'database', 'db-check');
  const scratchAbs = path.join(packageRoot, scratch);
  fs.rmSync(scratchAbs, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(scratchAbs), { recursive: true });
  fs.cpSync(path.join(packageRoot, 'drizzle'), scratchAbs, { recursive: true });
  const before = new Set(fs.readdirSync(scratchAbs));
  run([
    'generate',
    '--dialect',
    'postgresql',
    '--schema',
    './src/schema/index.ts',
    '--out',
    scratch,
    '--name',
    'pending',
  ]);
  const added = fs.readdirSync(scratchAbs).filter((file) => !before.has(file));
  if (added.length > 0) {
    const sql = added.map((file) => fs.readFileSync(path.join(scratchAbs, file), 'utf8')).join('\n');
    fs.rmSync(scratchAbs, { recursive: true, force: true });
    throw new Error(
      `The schema and drizzle/ disagree; \`pnpm generate\` would create:\n${sql}\nRun \`pnpm generate\` and commit the migration.`,
    );
  }
  fs.rmSync(scratchAbs, { recursive: true, force: true });
  console.log(`✓ drizzle/ matches the schema (${before.size - 1} migration files, journal in order).`);

  const doc = path.join(packageRoot, SCHEMA_DOC);
  const committed = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '';
  if (committed !== (await expectedSchemaDoc(packageRoot))) throw new Error(`${SCHEMA_DOC} is stale: run pnpm db:erd`);
  console.log(`✓ ${SCHEMA_DOC} matches the schema.`);

  const api = path.join(packageRoot, API_DOC);
  const apiCommitted = fs.existsSync(api) ? fs.readFileSync(api, 'utf8') : '';
  if (apiCommitted !== (await expectedApiDoc(packageRoot))) throw new Error(`${API_DOC} is stale: run pnpm docs:api`);
  console.log(`✓ ${API_DOC} matches the entry points' exports.`);
});
