import { parseDatabaseUrl } from '../src/config/database-url.js';
import { env } from '../src/config/env.js';
import { ConfigError } from '../src/errors/classes.js';
import { migrate } from '../src/migrate/index.js';
import { runDrizzleKit } from './_drizzle-kit.js';
import { runScript } from './_run.js';

// `pnpm db:push`: prototype a schema change on the embedded database without writing a migration (drizzle-kit push
// on top of drizzle/, applied first so its roles and functions exist). A server gets migrations only: push writes
// whatever the schema says, with no file to review and no record in drizzle.__drizzle_migrations, so it is refused
// there unless `--force` says the server is a throwaway one. `--force` is ours: drizzle-kit does not receive it.

await runScript(async () => {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const config = env();
  const url = config.DIRECT_URL ?? config.DATABASE_URL;
  const target = parseDatabaseUrl(url);
  if (target.kind === 'postgres' && !force) {
    throw new ConfigError(
      `db:push is for the embedded database; ${target.redacted} is a server. Write a migration (pnpm db:generate, ` +
        'then pnpm db:migrate), or pass --force if this server is a throwaway one.',
    );
  }
  if (target.kind === 'pglite' && target.dataDir === null)
    throw new ConfigError('db:push cannot reach pglite://memory from another process; use a pglite://<dir> URL.');
  if (target.kind === 'pglite') await migrate({ url, log: () => {} });
  const code = await runDrizzleKit(['push', ...args.filter((arg) => arg !== '--force')], target);
  process.exitCode = code;
});
