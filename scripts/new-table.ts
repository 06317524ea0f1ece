import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/config/database-url.js';
import { runScript } from './_run.js';
import { API_DOC, expectedApiDoc } from './api/doc.js';
import { SCHEMA_DOC, expectedSchemaDoc } from './erd/schema-doc.js';
import { generateMigrations, restoreMigrations, snapshotMigrations } from './scaffold/migrations.js';
import { planScaffold } from './scaffold/plan.js';
import { rulesMigration } from './scaffold/templates/rules.js';
import { formatChanges, revertChanges, writeChanges } from './scaffold/write-files.js';

// `pnpm db:new <domain> <table> [--server-only] [--skip-migrations]`: a tenant-scoped table with every companion the
// structure check asks for (relations, DTOs, query object, factory, test), wired through the barrels, plus its
// migrations and docs/schema.md. Clients reach it through the Data API under its tenant policy, or, with
// --server-only, not at all (RLS on, no policy, no grant). Writes nothing when any file it would create exists.

const USAGE =
  'usage: pnpm db:new <domain> <table> [--server-only] [--skip-migrations]   e.g. pnpm db:new billing invoices';
const FLAGS = ['--server-only', '--skip-migrations'];

await runScript(async () => {
  const args = process.argv.slice(2);
  const skipMigrations = args.includes('--skip-migrations');
  const access = args.includes('--server-only') ? 'server-only' : 'tenant';
  const [domain, table, ...rest] = args.filter((arg) => !FLAGS.includes(arg));
  if (rest.length > 0 || args.some((arg) => arg.startsWith('-') && !FLAGS.includes(arg))) {
    throw new Error(USAGE);
  }
  const root = packageRoot;
  const plan = planScaffold(root, domain, table, access);
  const changes = await formatChanges(root, plan.changes);
  const migrationsBefore = snapshotMigrations(root);
  const docFile = path.join(root, SCHEMA_DOC);
  const docBefore = fs.existsSync(docFile) ? fs.readFileSync(docFile, 'utf8') : null;
  const apiFile = path.join(root, API_DOC);
  const apiBefore = fs.existsSync(apiFile) ? fs.readFileSync(apiFile, 'utf8') : null;

  writeChanges(root, changes);
  let migrations: ReturnType<typeof generateMigrations> | undefined;
  try {
    if (!skipMigrations) migrations = generateMigrations(root, plan.names, access);
    fs.mkdirSync(path.dirname(docFile), { recursive: true });
    fs.writeFileSync(docFile, await expectedSchemaDoc(root));
    fs.writeFileSync(apiFile, await expectedApiDoc(root));
  } catch (error) {
    revertChanges(root, changes);
    restoreMigrations(root, migrationsBefore);
    if (docBefore === null) fs.rmSync(docFile, { force: true });
    else fs.writeFileSync(docFile, docBefore);
    if (apiBefore === null) fs.rmSync(apiFile, { force: true });
    else fs.writeFileSync(apiFile, apiBefore);
    throw new Error(`nothing kept, every file is back as it was: ${(error as Error).message}`, { cause: error });
  }

  const n = plan.names;
  const test = `test/${n.domainFolder}/${n.fileName}.test.ts`;
  const lines = [`✓ table \`${n.sqlName}\` in domain \`${n.domainFolder}\``];
  for (const change of changes) lines.push(`  ${change.before === null ? 'created' : 'edited '} ${change.file}`);
  lines.push(`  updated ${SCHEMA_DOC}`, `  updated ${API_DOC}`);
  if (migrations) {
    lines.push(`  created ${migrations.table} (CREATE TABLE)`, `  created ${migrations.rules} (${n.trigger}, grants)`);
    if (migrations.unrelated.length > 0) {
      lines.push(
        '',
        `! ${migrations.table} also holds ${migrations.unrelated.length} statement(s) for schema changes that were`,
        '  pending before this run (not about the new table): review it, or split it with `pnpm generate`.',
      );
    }
    lines.push(
      '',
      'Next:',
      '  pnpm db:migrate            apply the two migrations',
      `  pnpm test ${test}`,
      '',
      `Columns: edit src/schema/tables/${n.domainFolder}/${n.fileName}.ts (and the DTO's pick lists, the factory),`,
      '  then `pnpm generate` (an ALTER TABLE migration), `pnpm db:erd`, `pnpm db:migrate`.',
    );
  } else {
    lines.push(
      '',
      'Migrations were not generated (--skip-migrations). When the columns are final:',
      `  pnpm generate --name ${n.sqlName}`,
      `  pnpm generate --custom --name ${n.sqlName}_rules   and put into that new file:`,
      ...rulesMigration(n, access)
        .trimEnd()
        .split('\n')
        .map((line) => `      ${line}`),
      `  pnpm db:erd && pnpm db:migrate && pnpm test ${test}`,
    );
  }
  console.log(lines.join('\n'));
});
