import { migrate } from '../../../src/migrate/index.js';
import { runScript } from '../../../scripts/_run.js';

// `pnpm db:migrate` (scripts/migrate.ts) with another migrations folder: the same runner, the same lock.
// Usage: tsx migrate-folder.ts <database url> <migrations folder>

const [url, migrationsFolder] = process.argv.slice(2) as [string, string];
await runScript(async () => {
  await migrate({ url, migrationsFolder });
});
