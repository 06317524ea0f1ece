import { sameDatabase } from '../src/config/database-url.js';
import { env } from '../src/config/env.js';
import { ConfigError } from '../src/errors/classes.js';
import { dropAll, migrate } from '../src/migrate/index.js';
import { runScript } from './_run.js';
import { seedConfiguredDatabase } from './_seed.js';

// `pnpm db:reset`: drops everything on DIRECT_URL (falling back to DATABASE_URL; unset = embedded PGlite, whose
// data directory is deleted), migrates from scratch and seeds the demo data. For development databases only.

await runScript(async () => {
  const config = env();
  const url = config.DIRECT_URL ?? config.DATABASE_URL;
  const production = config.PRODUCTION_DATABASE_URL;
  if (config.APP_ENV === 'production' || (url && production && sameDatabase(url, production))) {
    throw new ConfigError('Refusing to reset: this is the production database (APP_ENV or PRODUCTION_DATABASE_URL).');
  }
  console.log(`✓ dropped ${await dropAll({ url, connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT })}`);
  await migrate({ url, connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT });
  await seedConfiguredDatabase(config);
});
