import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../src/config/database-url.js';
import { missingDriverPatch, PATCHED_BUILDS } from '../support/driver-patch.js';

// `pnpm adopt` end to end, into throwaway monorepos (never one whose node_modules links to ours): three shapes of
// root pnpm-workspace.yaml, each followed by a frozen install, the driver-patch guard, an app's tsc and a query on
// the embedded database; then every bad input, each leaving the target tree exactly as it was.

interface Run {
  code: number;
  output: string;
}

const tsx = path.join(packageRoot, 'node_modules', '.bin', 'tsx');
const adoptScript = path.join(packageRoot, 'scripts', 'adopt.ts');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-e2e-'));

function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^(VITEST|npm_)/.test(key) && !['TEST_DATABASE_URL', 'DATABASE_URL', 'DIRECT_URL'].includes(key),
  );
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...Object.fromEntries(inherited), NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const adopt = (args: string[]) => run(scratch, tsx, [adoptScript, ...args]);

/** Every path and file content under `root`: equal snapshots, nothing written. */
function snapshot(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      hash.update(path.relative(root, full));
      if (entry.isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(root);
  return hash.digest('hex');
}

interface Monorepo {
  root: string;
  workspaceYaml: string;
}

/** A root package.json, the given pnpm-workspace.yaml, and apps/web: a NodeNext service depending on `dependency`. */
function createMonorepo(label: string, workspaceYaml: string, dependency: string, extra: Record<string, string> = {}) {
  const root = path.join(scratch, label);
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('package.json', '{ "name": "acme", "private": true }\n');
  write('pnpm-workspace.yaml', workspaceYaml);
  write(
    'apps/web/package.json',
    JSON.stringify(
      {
        name: 'web',
        private: true,
        type: 'module',
        dependencies: { [dependency]: 'workspace:*', ...extra },
        devDependencies: { '@types/node': '^22.20.7', tsx: '4.23.15', typescript7: 'npm:typescript@7.0.2' },
      },
      null,
      2,
    ),
  );
  write(
    'apps/web/tsconfig.json',
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        lib: ['ES2023'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        types: ['node'],
        strict: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['src'],
    }),
  );
  write(
    'apps/web/src/query.ts',
    [
      `import { UserQueries, closeDefaultDatabase } from '${dependency}';`,
      `import { CreateUserSchema } from '${dependency}/dto';`,
      '',
      "const user = await UserQueries.create(CreateUserSchema.parse({ name: 'Ada', email: 'ada@example.com' }));",
      'const found = await UserQueries.getById(user.id);',
      'await closeDefaultDatabase();',
      'console.log(JSON.stringify({ email: found.email }));',
      '',
    ].join('\n'),
  );
  return { root, workspaceYaml } satisfies Monorepo;
}

/** Each line of `original` appears in `merged`, in the same order and byte for byte. */
function keptInOrder(original: string, merged: string): string[] {
  const lines = merged.split('\n');
  let at = 0;
  const lost: string[] = [];
  for (const line of original.split('\n')) {
    const found = lines.indexOf(line, at);
    if (found < 0) lost.push(line);
    else at = found + 1;
  }
  return lost;
}

const RICH_WORKSPACE = `# Acme's monorepo.
packages:
  - apps/*     # the services

# One version of tsx for every app.
catalog:
  tsx: 4.23.15
catalogs:
  legacy:
    zod: 3.25.0

nodeLinker: isolated   # keep it strict
allowBuilds:
  esbuild: true  # already allowed
`;

// A patch of the monorepo's own: it adds a file to dotenv, so the test sees it applied.
const DOTENV_PATCH = `diff --git a/ACME-PATCHED.md b/ACME-PATCHED.md
new file mode 100644
index 0000000..5a1c1c5
--- /dev/null
+++ b/ACME-PATCHED.md
@@ -0,0 +1 @@
+patched by acme
`;

const scenarios = [
  {
    title: 'an empty monorepo (packages: [apps/*])',
    label: 'empty',
    yaml: 'packages:\n  - apps/*\n',
    args: [] as string[],
    dir: 'packages/database',
    name: 'database',
  },
  {
    title: 'a monorepo whose pnpm-workspace.yaml has comments, catalogs and settings (--name @acme/db --dir libs/db)',
    label: 'rich',
    yaml: RICH_WORKSPACE,
    args: ['--name', '@acme/db', '--dir', 'libs/db'],
    dir: 'libs/db',
    name: '@acme/db',
  },
  {
    title: 'a monorepo that already patches dotenv (packages: [packages/*, apps/*])',
    label: 'patched',
    yaml: 'packages:\n  - packages/*\n  - apps/*\npatchedDependencies:\n  dotenv@18.0.10: patches/dotenv@18.0.10.patch\n',
    args: [] as string[],
    dir: 'packages/database',
    name: 'database',
  },
];

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe.each(scenarios)('pnpm adopt into $title', ({ label, yaml, args, dir, name }) => {
  let monorepo: Monorepo;
  const results: Record<string, Run> = {};

  beforeAll(async () => {
    monorepo = createMonorepo(label, yaml, name, label === 'patched' ? { dotenv: '18.0.10' } : {});
    if (label === 'rich') {
      const manifest = path.join(monorepo.root, 'apps/web/package.json');
      fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('"tsx": "4.23.15"', '"tsx": "catalog:"'));
    }
    if (label === 'patched') {
      fs.mkdirSync(path.join(monorepo.root, 'patches'));
      fs.writeFileSync(path.join(monorepo.root, 'patches', 'dotenv@18.0.10.patch'), DOTENV_PATCH);
    }
    results.adopt = await adopt([monorepo.root, ...args, '--prefer-offline']);
    if (results.adopt.code !== 0) return;
    const app = path.join(monorepo.root, 'apps', 'web');
    const database = `pglite://${path.join(monorepo.root, 'app-db')}`;
    results.frozen = await run(monorepo.root, 'pnpm', ['install', '--prefer-offline', '--frozen-lockfile']);
    results.tsc = await run(app, 'pnpm', ['exec', 'tsc', '-p', '.', '--listFiles']);
    results.migrate = await run(monorepo.root, 'pnpm', ['--filter', name, 'run', 'db:migrate'], {
      DATABASE_URL: database,
      DIRECT_URL: database,
    });
    results.query = await run(app, 'pnpm', ['exec', 'tsx', 'src/query.ts'], { DATABASE_URL: database });
  }, 300_000);

  it('copies the package, merges the settings, installs once and prints the next three commands', () => {
    expect(results.adopt!.output).toContain(`✓ ${name} is a package of the workspace. Next:`);
    expect(results.adopt!.output).toContain(`  pnpm --filter web add ${name}@workspace:*`);
    expect(results.adopt!.output).toContain(`  pnpm --filter ${name} db:migrate`);
    expect(results.adopt!.code).toBe(0);
    const target = path.join(monorepo.root, dir);
    expect(JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'))).toMatchObject({ name });
    for (const gone of ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'examples'])
      expect(fs.existsSync(path.join(target, gone))).toBe(false);
    const merged = fs.readFileSync(path.join(monorepo.root, 'pnpm-workspace.yaml'), 'utf8');
    expect(keptInOrder(monorepo.workspaceYaml, merged)).toEqual([]);
    const settings = parse(merged) as { patchedDependencies: Record<string, string>; allowBuilds: object };
    expect(settings.patchedDependencies['postgres@3.4.9']).toBe(`${dir}/patches/postgres@3.4.9.patch`);
    expect(settings.allowBuilds).toMatchObject({ esbuild: true });
  });

  it('then `pnpm install --frozen-lockfile` succeeds', () => {
    expect(results.frozen!.output).toContain('Lockfile is up to date');
    expect(results.frozen!.code).toBe(0);
  });

  it('the package gets the patched postgres.js (the driver-patch guard)', () => {
    const postgres = fs.realpathSync(path.join(monorepo.root, dir, 'node_modules', 'postgres'));
    for (const build of PATCHED_BUILDS) expect(missingDriverPatch(postgres, build), build).toEqual([]);
  });

  it('apps/web type-checks against the package with its stock NodeNext tsconfig (tsc 7)', () => {
    expect(results.tsc!.code, results.tsc!.output).toBe(0);
    const checked = results.tsc!.output.split('\n').filter((file) => file.includes(`/${dir}/src/`));
    expect(checked.length).toBeGreaterThan(50);
  });

  it('apps/web runs a query on the embedded PGlite database migrated with `pnpm --filter <name> db:migrate` (tsx)', () => {
    expect(results.migrate!.code, results.migrate!.output).toBe(0);
    expect(results.query!.output.trim().split('\n').at(-1)).toBe('{"email":"ada@example.com"}');
    expect(results.query!.code).toBe(0);
  });

  if (label === 'rich')
    it('the catalog, its comments and the other settings are kept, and the catalog still resolves', () => {
      const merged = parse(fs.readFileSync(path.join(monorepo.root, 'pnpm-workspace.yaml'), 'utf8')) as object;
      expect(merged).toMatchObject({
        packages: ['apps/*', 'libs/db'],
        catalog: { tsx: '4.23.15' },
        catalogs: { legacy: { zod: '3.25.0' } },
        nodeLinker: 'isolated',
      });
      expect(fs.existsSync(path.join(monorepo.root, 'apps/web/node_modules/tsx'))).toBe(true);
    });

  if (label === 'patched')
    it("the monorepo's own patch entry is kept and still applied", () => {
      const merged = parse(fs.readFileSync(path.join(monorepo.root, 'pnpm-workspace.yaml'), 'utf8')) as {
        patchedDependencies: Record<string, string>;
        packages: string[];
      };
      expect(merged.patchedDependencies['dotenv@18.0.10']).toBe('patches/dotenv@18.0.10.patch');
      expect(merged.packages).toEqual(['packages/*', 'apps/*']);
      const dotenv = fs.realpathSync(path.join(monorepo.root, 'apps/web/node_modules/dotenv'));
      expect(fs.readFileSync(path.join(dotenv, 'ACME-PATCHED.md'), 'utf8')).toBe('patched by acme\n');
    });
});

describe('pnpm adopt refuses bad input with one error line, exit 1, and the target tree unchanged; --dry-run writes nothing', () => {
  const conflicting = (key: string) => `packages:\n  - packages/*\npatchedDependencies:\n  '${key}': patches/x.patch\n`;
  const cases: [string, () => string[], RegExp][] = [
    [
      'no such path',
      () => {
        fs.mkdirSync(path.join(scratch, 'bad'), { recursive: true });
        return [path.join(scratch, 'bad', 'missing')];
      },
      /^✗ no such directory: /,
    ],
    [
      'not a pnpm workspace',
      () => {
        const root = path.join(scratch, 'bad', 'plain');
        fs.mkdirSync(root, { recursive: true });
        fs.writeFileSync(path.join(root, 'package.json'), '{}\n');
        return [root];
      },
      /^✗ .* is not a pnpm workspace: it has no pnpm-workspace.yaml at its root$/,
    ],
    [
      'an existing directory',
      () => {
        const root = createMonorepo('bad/existing', 'packages:\n  - packages/*\n', 'database').root;
        fs.mkdirSync(path.join(root, 'packages', 'database'), { recursive: true });
        fs.writeFileSync(path.join(root, 'packages', 'database', 'keep.txt'), 'mine\n');
        return [root];
      },
      /^✗ packages\/database already exists in .*: choose another --dir$/,
    ],
    [
      'a patch of another postgres version',
      () => [createMonorepo('bad/postgres', conflicting('postgres@3.4.8'), 'database').root],
      /^✗ the monorepo patches postgres@3.4.8, this package needs postgres@3.4.9 patched: align the postgres versions first$/,
    ],
    [
      'a patch of another PGlite version',
      () => [createMonorepo('bad/pglite', conflicting('@electric-sql/pglite@0.5.0'), 'database').root],
      /^✗ the monorepo patches @electric-sql\/pglite@0.5.0, this package needs .* patched: align the @electric-sql\/pglite versions first$/,
    ],
    [
      'a --name another package of the workspace has',
      () => [createMonorepo('bad/taken', 'packages:\n  - apps/*\n', 'database').root, '--name', 'web'],
      /^✗ the monorepo already has a package named web: choose another --name$/,
    ],
    [
      'a bad --name',
      () => [createMonorepo('bad/name', 'packages:\n  - packages/*\n', 'database').root, '--name', 'Acme DB'],
      /^✗ --name must be a valid npm package name/,
    ],
  ];

  it.each(cases)('%s', async (_, setUp, message) => {
    const args = setUp();
    const before = snapshot(path.join(scratch, 'bad'));
    const result = await adopt(args);
    expect(result.output.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(result.code).toBe(1);
    expect(snapshot(path.join(scratch, 'bad'))).toBe(before);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const root = createMonorepo('dry', 'packages:\n  - apps/*\n', 'database').root;
    const before = snapshot(root);
    const result = await adopt([root, '--dry-run']);
    expect(result.output).toMatch(/copy \d+ tracked files to packages\/database\//);
    expect(result.output).toContain('pnpm-workspace.yaml: add packages: packages/database');
    expect(result.output).toContain('--dry-run: nothing written');
    expect(result.code).toBe(0);
    expect(snapshot(root)).toBe(before);
  });
});

describe('pnpm adopt when its install fails', () => {
  it('a failed install says what adopt wrote and how to undo it, and that undo restores the tree', async () => {
    const root = createMonorepo('install-fails', 'packages:\n  - apps/*\n', 'database', {
      'no-such-package-in-the-store': '1.0.0',
    }).root;
    const before = snapshot(root);
    const result = await adopt([root, '--offline']);
    const undo = /to undo: (.+) \(and restore pnpm-lock.yaml/.exec(result.output)?.[1];
    expect(result.output).toContain('✗ pnpm install failed (its output is above). adopt wrote packages/database/');
    expect(result.code).toBe(1);
    expect(undo).toBeDefined();
    expect((await run(root, 'sh', ['-c', undo!])).code).toBe(0);
    fs.rmSync(path.join(root, 'node_modules'), { recursive: true, force: true });
    expect(snapshot(root)).toBe(before);
  });
});
