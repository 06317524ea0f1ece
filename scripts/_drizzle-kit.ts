import { spawn } from 'node:child_process';
import path from 'node:path';
import { lockDataDir } from '../src/client/pglite-lock.js';
import { packageRoot, type DatabaseTarget } from '../src/config/database-url.js';

/**
 * Runs a drizzle-kit command on `target` (drizzle.config.ts resolves the same URL). For PGlite this process holds the
 * data-directory lock meanwhile, so an app started during the run gets a clear "in use" error instead of corrupting
 * the directory. Resolves with drizzle-kit's exit code.
 */
export async function runDrizzleKit(args: string[], target: DatabaseTarget): Promise<number> {
  const release = target.kind === 'pglite' && target.dataDir ? lockDataDir(target.dataDir) : () => {};
  try {
    const child = spawn(path.join(packageRoot, 'node_modules', '.bin', 'drizzle-kit'), args, {
      cwd: packageRoot,
      stdio: 'inherit',
    });
    return await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  } finally {
    release();
  }
}
