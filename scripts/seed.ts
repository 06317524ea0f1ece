import { createDatabase, databaseOptionsFromEnv } from '../src/client/create-database.ts';
import { env } from '../src/env.ts';
import { bindDatabase } from '../src/executor.ts';
import { seedDemoData } from '../src/seed/index.ts';
import { runScript } from './_run.ts';

// `pnpm db:seed`: writes the demo data set (three tenants and everything around them) to DIRECT_URL, falling back
// to DATABASE_URL (unset = embedded PGlite). Safe to re-run: a seeded database is left alone.

await runScript(async () => {
  const handle = createDatabase(databaseOptionsFromEnv(env(), 'direct'));
  bindDatabase(handle.db);
  try {
    console.log(`Seeding ${handle.description}`);
    await seedDemoData();
  } finally {
    bindDatabase(null);
    await handle.close();
  }
});
