import { env } from '../src/config/env.js';
import { migrate } from '../src/migrate/index.js';
import { runScript } from './_run.js';
import { seedConfiguredDatabase } from './_seed.js';

// `pnpm db:setup`: everything a fresh clone needs on whatever database the environment points at
// (the embedded PGlite under .data/pglite by default): migrate, then seed demo data. Safe to re-run.

await runScript(async () => {
  const config = env();
  await migrate({
    url: config.DIRECT_URL ?? config.DATABASE_URL,
    connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT,
  });
  await seedConfiguredDatabase(config);
});
