import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/config/database-url.js';
import { workspaceLockfile } from './workspace/lockfile.js';
import { runCommand } from './workspace/run-command.js';

// `pnpm check:workspace`: this package consumed the way a template user's monorepo consumes it. In a temp dir it
// builds examples/workspace (apps/api) plus packages/database (this repository's tracked files), installs it offline
// from the pnpm store, then proves: (a) apps/api type-checks `database`, `database/dto` and `database/schema` with
// TypeScript 7; (b) a tsx script runs query objects inside `withTransaction` on an embedded database migrated with
// `pnpm --filter database db:migrate`; (c) an esbuild browser bundle of `database/dto` holds no driver code;
// (d) apps/api's own vitest suite passes on `database/testing`; (e) the root's patchedDependencies gave the package
// the patched postgres.js and PGlite (patches/README.md).

const exampleDir = path.join(packageRoot, 'examples', 'workspace');
/** Not part of the package a user copies into packages/database: the example itself, and the settings and lockfile
 * that move to the monorepo root. */
const notCopied = [/^examples\//, /^pnpm-workspace\.yaml$/, /^pnpm-lock\.yaml$/];
const driverModule =
  /(^|\/)node_modules\/(postgres|@electric-sql\/pglite)\/|drizzle-orm\/(postgres-js|pglite)\/|^node:/;

const started = performance.now();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'database-workspace-'));
const app = path.join(root, 'apps', 'api');
const databaseUrl = `pglite://${path.join(root, 'api-db')}`;

function log(line: string): void {
  console.log(`${line} [${((performance.now() - started) / 1000).toFixed(1)} s]`);
}

/** The caller's environment without database settings or the outer `pnpm run`'s npm_* variables. */
function childEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- child processes need PATH, HOME and the pnpm store settings
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('npm_'));
  return {
    ...Object.fromEntries(inherited),
    DATABASE_URL: '',
    DIRECT_URL: '',
    TEST_DATABASE_URL: '',
    ...overrides,
  };
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function buildWorkspace(): number {
  fs.cpSync(exampleDir, root, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: packageRoot, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && !notCopied.some((pattern) => pattern.test(file)));
  for (const file of tracked) {
    const target = path.join(root, 'packages', 'database', file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(packageRoot, file), target);
  }
  const appManifest = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')) as Parameters<
    typeof workspaceLockfile
  >[1];
  const lockfile = workspaceLockfile(fs.readFileSync(path.join(packageRoot, 'pnpm-lock.yaml'), 'utf8'), appManifest);
  fs.writeFileSync(path.join(root, 'pnpm-lock.yaml'), lockfile);
  return tracked.length;
}

async function typecheck(): Promise<void> {
  const files = (await runCommand('pnpm', ['exec', 'tsc', '-p', '.', '--listFiles'], { cwd: app, env: childEnv() }))
    .split('\n')
    .filter((file) => file.includes('/packages/database/src/'));
  assert(files.length > 50, `tsc checked only ${files.length} files of packages/database/src: exports not followed?`);
  log(`(a) tsc (TypeScript 7): apps/api type-checks, 0 errors, ${files.length} database source files checked`);
}

async function runWithTsx(): Promise<void> {
  const env = childEnv({ DATABASE_URL: databaseUrl, DIRECT_URL: databaseUrl });
  await runCommand('pnpm', ['--filter', 'database', 'run', 'db:migrate'], { cwd: root, env });
  const output = await runCommand('pnpm', ['exec', 'tsx', 'src/use-database.ts'], { cwd: app, env });
  const { titles } = JSON.parse(output.trim().split('\n').at(-1)!) as { titles: string[] };
  const expected = ['Next one', 'Ship it'];
  assert(
    JSON.stringify(titles) === JSON.stringify(expected),
    `tsx script listed ${JSON.stringify(titles)}, expected ${JSON.stringify(expected)}`,
  );
  log(`(b) tsx: migrated ${databaseUrl}; 2 todos committed in withTransaction, 1 rolled back, list returned 2`);
}

async function bundleForBrowser(): Promise<void> {
  const metafile = path.join(root, 'todo-form.meta.json');
  const outfile = path.join(root, 'todo-form.js');
  await runCommand(
    'pnpm',
    ['exec', 'esbuild', 'src/todo-form.ts', '--bundle', '--platform=browser', '--format=esm', '--minify'].concat(
      `--outfile=${outfile}`,
      `--metafile=${metafile}`,
      '--log-level=warning',
    ),
    { cwd: app, env: childEnv() },
  );
  const inputs = Object.keys((JSON.parse(fs.readFileSync(metafile, 'utf8')) as { inputs: object }).inputs);
  const drivers = inputs.filter((input) => driverModule.test(input));
  assert(drivers.length === 0, `the browser bundle of database/dto includes driver code:\n  ${drivers.join('\n  ')}`);
  const bytes = fs.statSync(outfile).size;
  log(`(c) esbuild --platform=browser of database/dto: ${inputs.length} inputs, 0 driver modules, ${bytes} bytes`);
}

async function runConsumerTests(): Promise<void> {
  const report = path.join(root, 'vitest-report.json');
  await runCommand('pnpm', ['exec', 'vitest', 'run', '--reporter=json', `--outputFile=${report}`], {
    cwd: app,
    env: childEnv(),
  });
  const result = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numTotalTests: number };
  assert(
    result.numTotalTests === 2 && result.numPassedTests === 2,
    `apps/api vitest: ${result.numPassedTests}/${result.numTotalTests} passed, expected 2/2`,
  );
  log('(d) vitest in apps/api with database/testing (globalSetup + setupFiles, isolate: false): 2/2 tests passed');
}

function assertPatchedDrivers(): void {
  for (const driver of ['postgres', '@electric-sql/pglite']) {
    const installed = fs.realpathSync(path.join(root, 'packages', 'database', 'node_modules', driver));
    assert(
      installed.includes('_patch_hash='),
      `packages/database got an unpatched ${driver} (${installed}): is patchedDependencies in the root pnpm-workspace.yaml?`,
    );
    log(
      `(e) packages/database resolves ${driver} to the patched build (${installed.split('/node_modules/.pnpm/')[1]?.split('/')[0]})`,
    );
  }
}

try {
  const copied = buildWorkspace();
  log(`workspace at ${root}: packages/database (${copied} tracked files) + apps/api`);
  await runCommand('pnpm', ['install', '--offline', '--frozen-lockfile'], { cwd: root, env: childEnv() });
  log('pnpm install --offline --frozen-lockfile: done');
  assertPatchedDrivers();
  // Independent of each other (the tsx script and the tests use separate embedded databases): run them together.
  await Promise.all([typecheck(), runWithTsx().then(bundleForBrowser), runConsumerTests()]);
  fs.rmSync(root, { recursive: true, force: true });
  log('workspace check passed');
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  console.error(`(workspace kept for inspection: ${root})`);
  process.exitCode = 1;
}
