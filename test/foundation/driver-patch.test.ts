import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';
import { missingDriverPatch, PATCHED_BUILDS } from '../support/driver-patch.js';

// The behaviour is proven against a real server by test/reliability/connection-faults.test.ts; this fast check only
// catches an install that lost the patch (a monorepo root without the patchedDependencies entry, say), with the fix.
const root = fs.realpathSync(path.join(packageRoot, 'node_modules', 'postgres'));
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

describe.runIf(version === '3.4.9')('postgres.js 3.4.9 carries patches/postgres@3.4.9.patch', () => {
  it.each(PATCHED_BUILDS)('%s: the closed-socket write guard and the transaction close check are in place', (build) => {
    expect(
      missingDriverPatch(root, build),
      'postgres.js 3.4.9 is installed without patches/postgres@3.4.9.patch: add the patchedDependencies entry of ' +
        'pnpm-workspace.yaml to your workspace root and reinstall (patches/README.md)',
    ).toEqual([]);
  });
});
