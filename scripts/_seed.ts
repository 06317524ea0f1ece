import { createDatabase, databaseOptionsFromEnv } from '../src/client/create-database.ts';
import type { Env } from '../src/config/env.ts';
import { bindDatabase } from '../src/client/executor.ts';
import { seedDemoData } from '../src/seed/index.ts';

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
