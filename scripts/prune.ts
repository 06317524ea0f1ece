import { closeDefaultDatabase } from '../src/client/default-database.js';
import { pruneAll } from '../src/queries/system/prune.js';
import { runScript } from './_run.js';

// `pnpm db:prune`: deletes what retention_settings says is old enough (audit/activity rows, terminal invites,
// published or failed domain events) from DATABASE_URL. Schedule it (cron), it is safe to run at any time.

await runScript(async () => {
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
    await closeDefaultDatabase();
  }
});
