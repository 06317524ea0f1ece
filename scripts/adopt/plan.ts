import fs from 'node:fs';
import path from 'node:path';
import type { AdoptArgs } from './args.js';
import { readPackageFiles, type PackageFile } from './copy.js';
import { AdoptError } from './error.js';
import { mergeWorkspace } from './merge-workspace.js';
import { renamePackage } from './rename.js';
import { workspaceMatches } from './workspace-match.js';
import { listWorkspacePackages } from './workspace-packages.js';

export interface AdoptPlan {
  monorepo: string;
  dir: string;
  /** Absolute path of the package in the monorepo. */
  target: string;
  /** The outermost directory adopt creates (target, or a missing parent such as packages/): what undo removes. */
  createdRoot: string;
  name: string;
  files: PackageFile[];
  renamedFiles: string[];
  workspaceFile: string;
  workspaceText: string;
  workspaceChanges: string[];
}

/** Everything adopt will write, computed and validated before a single byte is written. */
export function planAdoption(args: AdoptArgs, packageRoot: string): AdoptPlan {
  const { monorepo, dir } = args;
  if (!fs.existsSync(monorepo) || !fs.statSync(monorepo).isDirectory())
    throw new AdoptError('monorepo', `no such directory: ${monorepo}`);
  const workspaceFile = path.join(monorepo, 'pnpm-workspace.yaml');
  if (!fs.existsSync(workspaceFile))
    throw new AdoptError('monorepo', `${monorepo} is not a pnpm workspace: it has no pnpm-workspace.yaml at its root`);
  const target = path.join(monorepo, dir);
  if (fs.existsSync(target))
    throw new AdoptError('target-exists', `${dir} already exists in ${monorepo}: choose another --dir`);

  let createdRoot = target;
  while (!fs.existsSync(path.dirname(createdRoot))) createdRoot = path.dirname(createdRoot);

  const ownName = (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name: string })
    .name;
  const name = args.name ?? ownName;
  let files = readPackageFiles(packageRoot);
  let renamedFiles: string[] = [];
  if (name !== ownName) ({ files, changed: renamedFiles } = renamePackage(files, ownName, name));

  const merge = mergeWorkspace(
    fs.readFileSync(workspaceFile, 'utf8'),
    fs.readFileSync(path.join(packageRoot, 'pnpm-workspace.yaml'), 'utf8'),
    dir,
    (packages) => workspaceMatches(packages, dir),
  );
  if (workspacePackageNames(monorepo).includes(name))
    throw new AdoptError('name-taken', `the monorepo already has a package named ${name}: choose another --name`);
  return {
    monorepo,
    dir,
    target,
    createdRoot,
    name,
    files,
    renamedFiles,
    workspaceFile,
    workspaceText: merge.text,
    workspaceChanges: merge.changes,
  };
}

function workspacePackageNames(monorepo: string): (string | undefined)[] {
  try {
    return listWorkspacePackages(monorepo).map((entry) => entry.name);
  } catch {
    throw new AdoptError(
      'monorepo',
      `pnpm cannot list the packages of ${monorepo}: run \`pnpm ls -r\` there to see why`,
    );
  }
}
