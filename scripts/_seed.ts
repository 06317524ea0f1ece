import { createDatabase, databaseOptionsFromEnv } from '../src/client/create-database.js';
import type { Env } from '../src/config/env.js';
import { bindDatabase } from '../src/client/executor.js';
import { seedDemoData } from '../src/seed/index.js';

/** Seeds the database `config` describes (its direct URL) on a connection of its own, closed at the end. */
export async function seedConfiguredDatabase(config: Env): Promise<void> {
  const handle = createDatabase(databaseOptionsFromEnv(config, 'direct'));
  bindDatabase(handle.db);
  try {
    console.log(`Seeding ${handle.description}`);
    await seedDemoData();
  } finally {
    bindDatabase(null);
    await handle.close();
  }
}
