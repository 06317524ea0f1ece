import { closeDefaultDatabase } from '../src/client/default-database.js';
import { env } from '../src/config/env.js';
import { pruneAll } from '../src/queries/system/prune.js';
import { enableTenantDatabases } from '../src/tenancy/router.js';
import { runScript } from './_run.js';

// `pnpm db:prune`: deletes what retention_settings says is old enough (audit/activity rows, terminal invites,
// published or failed domain events) from DATABASE_URL, and from every placed tenant database when
// DATABASE_ENCRYPTION_KEY is set (docs/tenant-databases.md). Schedule it (cron), it is safe to run at any time.

await runScript(async () => {
  const tenantDatabases = env().DATABASE_ENCRYPTION_KEY === undefined ? undefined : enableTenantDatabases();
  try {
    for (const result of await pruneAll()) {
      if (result.skipped) {
        console.log(`- ${result.kind}: skipped (${result.skipped})`);
        continue;
      }
      const tables = Object.entries(result.deleted).map(([table, count]) => `${table} ${count}`);
      console.log(
        `✓ ${result.kind}: deleted ${tables.join(', ') || 'nothing (no tables registered)'} (older than ${result.cutoff?.toISOString()})`,
      );
    }
  } finally {
    await tenantDatabases?.close();
    await closeDefaultDatabase();
  }
});
