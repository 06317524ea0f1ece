import { spawn } from 'node:child_process';
import path from 'node:path';
import { lockDataDir } from '../src/client/pglite-lock.js';
import { packageRoot, parseDatabaseUrl } from '../src/config/database-url.js';
import { env } from '../src/config/env.js';
import { runScript } from './_run.js';

// `pnpm db:studio`: drizzle-kit studio on DIRECT_URL / DATABASE_URL, or on the embedded database. For PGlite this
// process holds the data-directory lock while studio runs, so an app started meanwhile gets a clear "in use" error
// instead of corrupting the directory.

await runScript(async () => {
  const target = parseDatabaseUrl(env().DIRECT_URL ?? env().DATABASE_URL);
  if (target.kind === 'pglite' && target.dataDir === null)
    throw new Error('drizzle studio cannot open pglite://memory');
  const release = target.kind === 'pglite' && target.dataDir ? lockDataDir(target.dataDir) : () => {};
  const child = spawn(
    path.join(packageRoot, 'node_modules', '.bin', 'drizzle-kit'),
    ['studio', ...process.argv.slice(2)],
    {
      cwd: packageRoot,
      stdio: 'inherit',
    },
  );
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  release();
  process.exitCode = code;
});
