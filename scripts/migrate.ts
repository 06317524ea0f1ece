import { env } from '../src/config/env.js';
import { migrate } from '../src/migrate/index.js';
import { runScript } from './_run.js';

// `pnpm db:migrate`: applies drizzle/ to DIRECT_URL (falling back to DATABASE_URL; unset = embedded PGlite).
// Run it as a release step, never at app start.

await runScript(async () => {
  const config = env();
  await migrate({
    url: config.DIRECT_URL ?? config.DATABASE_URL,
    connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT,
  });
});
