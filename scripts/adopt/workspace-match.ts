import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AdoptError } from './error.js';
import { listWorkspacePackages } from './workspace-packages.js';

// pnpm 12 matches `packages` globs in its Rust core (the wax crate); no JavaScript glob library has exactly its
// rules for negation, `**`, a trailing slash or a `./` prefix. So pnpm itself answers, on a scratch tree outside the
// monorepo holding only the `packages` list and an empty package at `dir`: the one matcher that cannot disagree.

/** Whether pnpm would treat `dir` as a workspace package under these `packages` entries (undefined: none listed). */
export function workspaceMatches(packages: unknown, dir: string): boolean {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-globs-'));
  try {
    const manifest = packages === undefined ? '{}\n' : `${JSON.stringify({ packages })}\n`;
    fs.writeFileSync(path.join(scratch, 'pnpm-workspace.yaml'), manifest);
    fs.writeFileSync(path.join(scratch, 'package.json'), '{ "name": "adopt-scratch-root", "private": true }\n');
    fs.mkdirSync(path.join(scratch, dir), { recursive: true });
    fs.writeFileSync(path.join(scratch, dir, 'package.json'), '{ "name": "adopt-scratch-package" }\n');
    return listWorkspacePackages(scratch).some((entry) => entry.name === 'adopt-scratch-package');
  } catch {
    throw new AdoptError(
      'workspace-yaml',
      "pnpm cannot read the `packages` list of the monorepo's pnpm-workspace.yaml",
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
