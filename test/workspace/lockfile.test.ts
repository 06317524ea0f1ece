import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workspaceLockfile } from '../../scripts/workspace/lockfile.js';
import { packageRoot } from '../../src/config/database-url.js';

// The example monorepo's lockfile, derived from this repository's real one with the yaml library.

const repoLockfile = fs.readFileSync(path.join(packageRoot, 'pnpm-lock.yaml'), 'utf8');
const repo = parse(repoLockfile) as {
  importers: Record<string, { devDependencies: Record<string, { specifier: string; version: string }> }>;
  packages: Record<string, unknown>;
};
const tsx = repo.importers['.']!.devDependencies['tsx']!;

describe('workspaceLockfile', () => {
  it('moves the root importer to packages/database and resolves an app from it, packages untouched', () => {
    const derived = parse(
      workspaceLockfile(repoLockfile, {
        'apps/api': { dependencies: { database: 'workspace:*' }, devDependencies: { tsx: tsx.specifier } },
      }),
    ) as typeof repo;
    expect(Object.keys(derived.importers)).toEqual(['.', 'apps/api', 'packages/database']);
    expect(derived.importers['.']).toEqual({});
    expect(derived.importers['packages/database']).toEqual(repo.importers['.']);
    expect(derived.importers['apps/api']).toEqual({
      dependencies: { database: { specifier: 'workspace:*', version: 'link:../../packages/database' } },
      devDependencies: { tsx },
    });
    expect(derived.packages).toEqual(repo.packages);
  });

  it.each([
    ['another specifier', { tsx: '^1.0.0' }, `apps/api wants tsx@^1.0.0; this repository pins ${tsx.specifier}`],
    [
      'a package the repository lacks',
      { 'left-pad': '1.3.0' },
      "apps/api depends on left-pad, which this repository's",
    ],
  ])('refuses %s', (_case, devDependencies, message) => {
    expect(() => workspaceLockfile(repoLockfile, { 'apps/api': { devDependencies } })).toThrow(message);
  });
});
