import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Not part of the package: the examples, and the settings and lockfile that live at the monorepo's root. */
const NOT_COPIED = [/^examples\//, /^pnpm-workspace\.yaml$/, /^pnpm-lock\.yaml$/];

export interface PackageFile {
  /** POSIX path relative to the package root. */
  path: string;
  content: Buffer;
}

/** This repository's tracked files (git ls-files, as they are on disk), minus what stays behind. */
export function readPackageFiles(packageRoot: string): PackageFile[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: packageRoot, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && !NOT_COPIED.some((pattern) => pattern.test(file)))
    .filter((file) => fs.existsSync(path.join(packageRoot, file)))
    .map((file) => ({ path: file, content: fs.readFileSync(path.join(packageRoot, file)) }));
}

/** Writes the files under `target`, which must not exist yet. */
export function writePackageFiles(target: string, files: readonly PackageFile[]): void {
  fs.mkdirSync(target, { recursive: true });
  for (const file of files) {
    const destination = path.join(target, file.path);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.writeFileSync(destination, file.content);
  }
}
