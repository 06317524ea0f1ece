import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';

// The behaviour is proven against a real server by test/reliability/connection-faults.test.ts; this fast check only
// catches an install that lost the patch (a monorepo root without the patchedDependencies entry, say), with the fix.
const root = fs.realpathSync(path.join(packageRoot, 'node_modules', 'postgres'));
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const builds = ['src', 'cjs/src', 'cf/src'];

describe.runIf(version === '3.4.9')('postgres.js 3.4.9 carries patches/postgres@3.4.9.patch', () => {
  it.each(builds)('%s: the closed-socket write guard and the transaction close check are in place', (build) => {
    const connection = fs.readFileSync(path.join(root, build, 'connection.js'), 'utf8');
    const index = fs.readFileSync(path.join(root, build, 'index.js'), 'utf8');
    const missing = [
      connection.includes('function writeAfterClose()') ? null : 'connection.js: writeAfterClose',
      index.includes('closedError') ? null : 'index.js: closedError',
    ].filter(Boolean);
    expect(
      missing,
      'postgres.js 3.4.9 is installed without patches/postgres@3.4.9.patch: add the patchedDependencies entry of ' +
        'pnpm-workspace.yaml to your workspace root and reinstall (patches/README.md)',
    ).toEqual([]);
  });
});
