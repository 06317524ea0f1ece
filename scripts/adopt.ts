import fs from 'node:fs';
import { packageRoot } from '../src/config/database-url.js';
import { parseAdoptArgs } from './adopt/args.js';
import { writePackageFiles } from './adopt/copy.js';
import { AdoptError } from './adopt/error.js';
import { installMonorepo, nextCommands } from './adopt/install.js';
import { planAdoption, type AdoptPlan } from './adopt/plan.js';

// `pnpm adopt <path-to-monorepo> [--dir packages/database] [--name @acme/db] [--dry-run]`: this package into a pnpm
// monorepo in one step (docs/monorepo.md#one-command-pnpm-adopt). Every check runs before the first write.

function printPlan(plan: AdoptPlan): void {
  console.log(`adopt into ${plan.monorepo}:`);
  console.log(
    `  copy ${plan.files.length} tracked files to ${plan.dir}/ (no examples/, pnpm-lock.yaml or pnpm-workspace.yaml)`,
  );
  if (plan.renamedFiles.length > 0)
    console.log(
      `  rename the package to ${plan.name}: package.json and the imports in ${plan.renamedFiles.length} files`,
    );
  for (const change of plan.workspaceChanges) console.log(`  pnpm-workspace.yaml: ${change}`);
  console.log('  pnpm install');
}

function main(): void {
  const args = parseAdoptArgs(process.argv.slice(2));
  const plan = planAdoption(args, packageRoot);
  printPlan(plan);
  if (args.dryRun) {
    console.log('--dry-run: nothing written');
    return;
  }
  writePackageFiles(plan.target, plan.files);
  const originalWorkspace = fs.readFileSync(plan.workspaceFile, 'utf8');
  fs.writeFileSync(plan.workspaceFile, plan.workspaceText);
  console.log(`✓ wrote ${plan.dir}/ and pnpm-workspace.yaml`);
  if (!installMonorepo(plan.monorepo, args.installFlags)) {
    const backup = `${plan.workspaceFile}.before-adopt`;
    fs.writeFileSync(backup, originalWorkspace);
    throw new AdoptError(
      'install',
      `pnpm install failed (its output is above). adopt wrote ${plan.dir}/ and edited pnpm-workspace.yaml; to undo: ` +
        `rm -rf ${plan.createdRoot} && mv ${backup} ${plan.workspaceFile}` +
        ' (and restore pnpm-lock.yaml from version control if the install changed it)',
    );
  }
  console.log(`✓ ${plan.name} is a package of the workspace. Next:`);
  for (const command of nextCommands(plan)) console.log(`  ${command}`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof AdoptError)) throw error;
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
}
