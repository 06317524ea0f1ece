import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import type { FileChange } from './plan.js';

/** Formats every change with the repository's prettier settings, so generated files pass `pnpm format:check`. */
export async function formatChanges(root: string, changes: FileChange[]): Promise<FileChange[]> {
  return Promise.all(
    changes.map(async (change) => {
      const filepath = path.join(root, change.file);
      const options = (await prettier.resolveConfig(filepath)) ?? {};
      return { ...change, after: await prettier.format(change.after, { ...options, filepath }) };
    }),
  );
}

export function writeChanges(root: string, changes: FileChange[]): void {
  for (const change of changes) {
    const file = path.join(root, change.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, change.after);
  }
}

/** Puts every file back as it was: edited files get their old text, created files are removed. */
export function revertChanges(root: string, changes: FileChange[]): void {
  for (const change of changes) {
    const file = path.join(root, change.file);
    if (change.before === null) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, change.before);
  }
}
