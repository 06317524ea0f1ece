import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { packageRoot } from '../src/config/database-url.js';
import { runScript } from './_run.js';
import { API_DOC, expectedApiDoc } from './api/doc.js';
import { SCHEMA_DOC, expectedSchemaDoc } from './erd/schema-doc.js';
import { applyRemoval, revertRemoval } from './remove/apply.js';
import { generateRemovalMigrations } from './remove/migrations.js';
import { planRemoval, RemoveError, type RemovalChange } from './remove/plan.js';
import { restoreMigrations, snapshotMigrations } from './scaffold/migrations.js';
import { findTables } from './structure/rules.js';

// `pnpm db:remove <domain> [<table>]`: the scaffolder in reverse. Deletes the domain's (or one table's) files in
// every layer, its seed step and tests, takes its names out of the barrels, entry points and the other domains'
// relations, drops the code examples of README.md and docs/ that need it, regenerates docs/schema.md and docs/api.md,
// and writes the migrations that drop it. Refuses, naming them, when other code of the package still uses what would
// go; then, and on any failure, nothing is changed.

const USAGE =
  'usage: pnpm db:remove <domain> [<table>]   e.g. pnpm db:remove features, pnpm db:remove features waitlist';

async function formatted(root: string, changes: RemovalChange[]): Promise<RemovalChange[]> {
  return Promise.all(
    changes.map(async (change) => {
      if (change.after === null || !/\.(ts|md)$/.test(change.file)) return change;
      const filepath = path.join(root, change.file);
      const options = (await prettier.resolveConfig(filepath)) ?? {};
      return { ...change, after: await prettier.format(change.after, { ...options, filepath }) };
    }),
  );
}

/** The files the type check fails, with its output: the compiler sees what the syntax cannot (`factories.todos`). */
function typeErrors(root: string): { files: string[]; output: string } {
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript7/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    return { files: [], output: '' };
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? '').trim();
    const files = [...new Set([...output.matchAll(/^([^\s(][^(]*)\(\d+,\d+\): error/gm)].map((match) => match[1]!))];
    return { files: files.length > 0 ? files : ['(tsc)'], output };
  }
}

/**
 * Tests the type check fails on used a removed name in a way the plan could not see (a member of `factories` or of
 * a relational query): they go as the plan's other users did. Anything else failing is a dependent: refuse. Files
 * that failed before the removal (`failingBefore`) are not its doing: they are neither deleted nor a reason to refuse.
 */
function deleteTestsTheCompilerRejects(
  root: string,
  changes: RemovalChange[],
  deleted: string[],
  failingBefore: ReadonlySet<string>,
): void {
  for (let round = 0; round < 5; round++) {
    const { output, files: failing } = typeErrors(root);
    const files = failing.filter((file) => !failingBefore.has(file));
    if (files.length === 0) return;
    if (!files.every((file) => file.startsWith('test/'))) {
      throw new RemoveError(`other code still depends on it; the type check after removing fails:\n${output}`);
    }
    for (const file of files) {
      const absolute = path.join(root, file);
      const before = fs.readFileSync(absolute, 'utf8');
      changes.push({ file, before, after: null });
      applyRemoval(root, [{ file, before, after: null }]);
      deleted.push(file);
    }
  }
  throw new RemoveError('the type check still fails after deleting the tests it rejected');
}

function readOrNull(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

await runScript(async () => {
  const args = process.argv.slice(2);
  if (args.length < 1 || args.length > 2 || args.some((arg) => arg.startsWith('-'))) throw new Error(USAGE);
  const [domain, table] = args;
  const root = packageRoot;
  const plan = planRemoval(root, domain, table);
  const changes = await formatted(root, plan.changes);
  const removedTables = new Set(plan.tables);
  const keptTables = new Set(
    findTables(root)
      .map((t) => t.sqlName)
      .filter((name) => !removedTables.has(name)),
  );
  const migrationsBefore = snapshotMigrations(root);
  const docs = [SCHEMA_DOC, API_DOC].map((doc) => ({
    file: path.join(root, doc),
    before: readOrNull(path.join(root, doc)),
  }));
  const name = `remove_${plan.domain.replaceAll('-', '_')}${table && !plan.wholeDomain ? `_${table}` : ''}`;

  const failingBefore = new Set(typeErrors(root).files);
  if (failingBefore.has('(tsc)')) throw new RemoveError(`the type check fails before removing anything: fix it first`);
  applyRemoval(root, changes);
  let migrations: ReturnType<typeof generateRemovalMigrations>;
  try {
    deleteTestsTheCompilerRejects(root, changes, plan.usersDeleted, failingBefore);
    migrations = generateRemovalMigrations(root, name, keptTables);
    fs.writeFileSync(docs[0]!.file, await expectedSchemaDoc(root));
    fs.writeFileSync(docs[1]!.file, await expectedApiDoc(root));
  } catch (error) {
    revertRemoval(root, changes);
    restoreMigrations(root, migrationsBefore);
    for (const doc of docs) {
      if (doc.before === null) fs.rmSync(doc.file, { force: true });
      else fs.writeFileSync(doc.file, doc.before);
    }
    throw new RemoveError(`nothing kept, every file is back as it was: ${(error as Error).message}`, { cause: error });
  }

  const what = plan.wholeDomain ? `domain \`${plan.domain}\`` : `table \`${table}\` of domain \`${plan.domain}\``;
  const lines = [`✓ removed ${what}: ${plan.tables.join(', ')}`];
  for (const change of changes) lines.push(`  ${change.after === null ? 'deleted' : 'edited '} ${change.file}`);
  lines.push(`  updated ${SCHEMA_DOC}`, `  updated ${API_DOC}`, `  created ${migrations.drop} (DROP TABLE)`);
  if (migrations.functions)
    lines.push(`  created ${migrations.functions} (DROP FUNCTION: trigger functions left unused)`);
  if (plan.usersDeleted.length > 0) {
    lines.push(
      '',
      `! ${plan.usersDeleted.length} test or bench file(s) outside the domain used it and were deleted with it`,
      '  (what they covered through it, rewrite on a table you keep):',
      ...plan.usersDeleted.map((file) => `    ${file}`),
    );
  }
  if (failingBefore.size > 0) {
    lines.push(
      '',
      '! these failed the type check before the removal and were left alone:',
      ...[...failingBefore].map((f) => `    ${f}`),
    );
  }
  if (plan.examplesDropped.length > 0) {
    lines.push(
      '',
      `! ${plan.examplesDropped.length} code example(s) of README.md and docs/ needed it and were dropped`,
      '  (the prose around them is yours to rewrite):',
      ...plan.examplesDropped.map((example) => `    ${example}`),
    );
  }
  lines.push(
    '',
    'Next:',
    `  git diff --stat && cat ${migrations.drop}   review what goes`,
    '  pnpm db:migrate                              drop it from the database',
    '  pnpm test',
    '  grep the docs (README.md, docs/) and examples/ for what they still say about it',
  );
  console.log(lines.join('\n'));
});
