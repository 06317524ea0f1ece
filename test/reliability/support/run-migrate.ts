import { execFile } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../../../src/config/database-url.js';

export interface MigrateRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/** `pnpm db:migrate` as a user runs it (tsx scripts/migrate.ts), with `vars` on top of this process's environment. */
export function runMigrate(vars: Record<string, string>, timeoutMs = 60_000): Promise<MigrateRun> {
  const tsx = path.join(packageRoot, 'node_modules', '.bin', 'tsx');
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['scripts/migrate.ts'],
      { cwd: packageRoot, env: { ...process.env, ...vars }, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ exitCode: code, stdout, stderr, elapsedMs: performance.now() - started });
      },
    );
  });
}
