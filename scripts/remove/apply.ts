import fs from 'node:fs';
import path from 'node:path';
import type { RemovalChange } from './plan.js';

/** Deletes and edits the plan's files; directories a deletion leaves empty go too. */
export function applyRemoval(root: string, changes: RemovalChange[]): void {
  for (const change of changes) {
    const file = path.join(root, change.file);
    if (change.after !== null) {
      fs.writeFileSync(file, change.after);
      continue;
    }
    fs.rmSync(file, { force: true });
    for (let dir = path.dirname(file); dir !== root && fs.readdirSync(dir).length === 0; dir = path.dirname(dir)) {
      fs.rmdirSync(dir);
    }
  }
}

/** Puts every file back as it was before `applyRemoval`. */
export function revertRemoval(root: string, changes: RemovalChange[]): void {
  for (const change of changes) {
    const file = path.join(root, change.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, change.before);
  }
}
