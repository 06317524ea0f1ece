import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { AdoptPlan } from './plan.js';
import { listWorkspacePackages } from './workspace-packages.js';

/** The caller's environment without the outer `pnpm adopt` run's npm_* variables, which would leak into the install. */
function installEnv(): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-properties -- pnpm needs PATH, HOME and the store settings
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
}

/** `pnpm install` at the monorepo root, its output shown as it runs; false when it fails. */
export function installMonorepo(monorepo: string, flags: readonly string[]): boolean {
  const result = spawnSync('pnpm', ['install', ...flags], { cwd: monorepo, env: installEnv(), stdio: 'inherit' });
  return result.status === 0;
}

/** The three commands to run next; the app is the first other workspace package pnpm lists, if there is one. */
export function nextCommands(plan: AdoptPlan): string[] {
  let app = '<your-app>';
  try {
    const listed = listWorkspacePackages(plan.monorepo, installEnv());
    const other = listed.find(
      (entry) => entry.name && entry.name !== plan.name && path.resolve(entry.path) !== path.resolve(plan.monorepo),
    );
    if (other?.name) app = other.name;
  } catch {
    // only the hint loses its app name
  }
  return [
    `pnpm --filter ${app} add ${plan.name}@workspace:*`,
    `pnpm --filter ${plan.name} db:migrate`,
    `pnpm --filter ${plan.name} test`,
  ];
}
