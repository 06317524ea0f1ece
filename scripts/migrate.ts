import { env } from '../src/config/env.js';
import { MigrationError } from '../src/errors/classes.js';
import { migrateTenantDatabases } from '../src/tenancy/migrate-tenants.js';
import { envKeyRing } from '../src/tenancy/place-tenant.js';
import { runScript } from './_run.js';

// `pnpm db:migrate [--concurrency N]`: applies drizzle/ to DIRECT_URL (falling back to DATABASE_URL; unset = embedded
// PGlite), then to every placed tenant database, DATABASE_MIGRATE_CONCURRENCY (default 4) at a time
// (docs/tenant-databases.md#migrations). Run it as a release step, never at app start.

function concurrencyArg(args: string[]): number | undefined {
  const index = args.findIndex((arg) => arg === '--concurrency' || arg.startsWith('--concurrency='));
  if (index < 0) return undefined;
  const arg = args[index]!;
  const value = Number(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new MigrationError('--concurrency must be a whole number from 1.');
  return value;
}

await runScript(async () => {
  const config = env();
  const concurrency = concurrencyArg(process.argv.slice(2)) ?? config.DATABASE_MIGRATE_CONCURRENCY;
  const report = await migrateTenantDatabases({
    control: config.DIRECT_URL ?? config.DATABASE_URL,
    keyRing: envKeyRing(),
    connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT,
    ...(concurrency === undefined ? {} : { concurrency }),
  });
  if (report.failed.length > 0) {
    const names = report.failed.map((f) => f.key ?? `tenant ${f.tenantIds[0]}`).join(', ');
    throw new MigrationError(`${report.failed.length} tenant database(s) failed to migrate: ${names}.`);
  }
});
