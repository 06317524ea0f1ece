import { execFileSync } from 'node:child_process';

export interface WorkspacePackage {
  name?: string;
  path: string;
}

/** The workspace's packages as pnpm sees them (`pnpm ls -r --depth -1`: reads manifests, installs and writes nothing). */
export function listWorkspacePackages(root: string, env?: NodeJS.ProcessEnv): WorkspacePackage[] {
  const output = execFileSync('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], {
    cwd: root,
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(output) as WorkspacePackage[];
}
