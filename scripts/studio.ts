import { parseDatabaseUrl } from '../src/config/database-url.js';
import { env } from '../src/config/env.js';
import { runDrizzleKit } from './_drizzle-kit.js';
import { runScript } from './_run.js';

// `pnpm db:studio`: drizzle-kit studio on DIRECT_URL / DATABASE_URL, or on the embedded database.

await runScript(async () => {
  const target = parseDatabaseUrl(env().DIRECT_URL ?? env().DATABASE_URL);
  if (target.kind === 'pglite' && target.dataDir === null)
    throw new Error('drizzle studio cannot open pglite://memory');
  process.exitCode = await runDrizzleKit(['studio', ...process.argv.slice(2)], target);
});
