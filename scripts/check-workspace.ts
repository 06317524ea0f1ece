import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/config/database-url.js';
import { assert, childEnv, log } from './workspace/context.js';
import { assertMarkersLive } from './workspace/driver-code.js';
import { buildNextApp, buildViteApp, renderNextPage, runVitest, typecheckApp } from './workspace/framework-apps.js';
import { lintWithGuardrail } from './workspace/app-lint.js';
import { assertGeneratedConfigs } from './workspace/generated-configs.js';
import { workspaceLockfile } from './workspace/lockfile.js';
import { runCommand } from './workspace/run-command.js';

// `pnpm check:workspace`: this package consumed the way a template user's monorepo consumes it. In a temp dir it
// builds examples/workspace (apps/api, apps/web, apps/vite) plus packages/database (this repository's tracked files),
// installs it offline from the pnpm store, then proves: (a) apps/api (NodeNext) type-checks `database`, `database/dto`
// and `database/schema` with TypeScript 7; (b) a tsx script runs query objects inside `withTransaction` on an embedded
// database migrated with `pnpm --filter database db:migrate`; (c) an esbuild browser bundle of `database/dto` holds
// no driver code; (d) the apps' vitest suites pass on `database/testing`; (e) the root's patchedDependencies gave the
// package the patched postgres.js and PGlite (patches/README.md); (f, g) apps/web, a Next.js App Router app with
// create-next-app's tsconfig, passes `next build` and tsc, and its client bundle holds no driver code; (h) apps/vite,
// create-vite's react-ts template, passes its `tsc -b && vite build` with the same bundle check; (i) `next start`
// serves the server component's list from the database the tsx script wrote; (j) the generated configs are still the
// generators' files, byte for byte, after the builds; (k) apps/api lints with `database/eslint`, which fails a direct
// driver import.

const exampleDir = path.join(packageRoot, 'examples', 'workspace');
/** Not part of the package a user copies into packages/database: the example itself, and the settings and lockfile
 * that move to the monorepo root. */
const notCopied = [/^examples\//, /^pnpm-workspace\.yaml$/, /^pnpm-lock\.yaml$/];
const driverModule =
  /(^|\/)node_modules\/(postgres|@electric-sql\/pglite)\/|drizzle-orm\/(postgres-js|pglite)\/|^node:/;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'database-workspace-'));
const app = path.join(root, 'apps', 'api');
const databaseUrl = `pglite://${path.join(root, 'api-db')}`;

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
  const apps = Object.fromEntries(
    fs
      .readdirSync(path.join(root, 'apps'))
      .map((name) => [
        `apps/${name}`,
        JSON.parse(fs.readFileSync(path.join(root, 'apps', name, 'package.json'), 'utf8')) as object,
      ]),
  );
  const lockfile = workspaceLockfile(fs.readFileSync(path.join(packageRoot, 'pnpm-lock.yaml'), 'utf8'), apps);
  fs.writeFileSync(path.join(root, 'pnpm-lock.yaml'), lockfile);
  return tracked.length;
}

async function typecheck(): Promise<void> {
  const checked = await typecheckApp(app, '.');
  log(`(a) tsc (TypeScript 7): apps/api (NodeNext) type-checks, 0 errors, ${checked} database source files checked`);
}

/** Resolves with the tenant the script wrote its todos in. */
async function runWithTsx(): Promise<string> {
  const env = childEnv({ DATABASE_URL: databaseUrl, DIRECT_URL: databaseUrl });
  await runCommand('pnpm', ['--filter', 'database', 'run', 'db:migrate'], { cwd: root, env });
  const output = await runCommand('pnpm', ['exec', 'tsx', 'src/use-database.ts'], { cwd: app, env });
  const { tenantId, titles } = JSON.parse(output.trim().split('\n').at(-1)!) as { tenantId: string; titles: string[] };
  const expected = ['Next one', 'Ship it'];
  assert(
    JSON.stringify(titles) === JSON.stringify(expected),
    `tsx script listed ${JSON.stringify(titles)}, expected ${JSON.stringify(expected)}`,
  );
  log(`(b) tsx: migrated ${databaseUrl}; 2 todos committed in withTransaction, 1 rolled back, list returned 2`);
  return tenantId;
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
  const counts = { api: 2, web: 1, vite: 1 };
  const passed = [];
  // One suite at a time: each starts an embedded database per worker, and the machine has two cores.
  for (const [name, expected] of Object.entries(counts))
    passed.push(`${name} ${await runVitest(path.join(root, 'apps', name), expected)}`);
  log(`(d) vitest with database/testing (globalSetup + setupFiles, isolate: false): ${passed.join(', ')} passed`);
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
  log(`workspace at ${root}: packages/database (${copied} tracked files) + apps/api, apps/web, apps/vite`);
  // --trust-lockfile: its packages are the root lockfile's, which the root install verified against pnpm's
  // supply-chain policies; verifying again offline needs the full registry metadata of each, which the store may lack.
  await runCommand('pnpm', ['install', '--offline', '--frozen-lockfile', '--trust-lockfile'], {
    cwd: root,
    env: childEnv(),
  });
  log('pnpm install --offline --frozen-lockfile --trust-lockfile: done');
  assertPatchedDrivers();
  assertMarkersLive(path.join(root, 'packages', 'database'));
  // Independent of each other (the tsx script and the tests use separate embedded databases): run them together.
  const tsx = runWithTsx();
  const web = typecheck().then(() => buildNextApp(root));
  await Promise.all([
    tsx.then(bundleForBrowser).then(() => buildViteApp(root)),
    // next start opens the database the tsx script wrote (and closed): PGlite allows one process per directory.
    Promise.all([tsx, web]).then(([tenantId]) => renderNextPage(root, databaseUrl, tenantId, ['Next one', 'Ship it'])),
    runConsumerTests(),
  ]);
  log(`(j) ${assertGeneratedConfigs(root)} generated configs still byte for byte the generators' files`);
  log(`(k) ${await lintWithGuardrail(app)}`);
  fs.rmSync(root, { recursive: true, force: true });
  log('workspace check passed');
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  console.error(`(workspace kept for inspection: ${root})`);
  process.exitCode = 1;
}
