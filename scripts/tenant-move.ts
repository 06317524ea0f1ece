import { closeDefaultDatabase } from '../src/client/default-database.js';
import { moveTenant, SHARED } from '../src/tenancy/move-tenant.js';
import { runScript } from './_run.js';

// `pnpm db:tenant:move <tenant-id> <target-url | shared>`: moves a tenant's data to its own database (a postgres://
// URL or a pglite:// directory), between dedicated databases, or back into the shared one, while the app keeps
// running (docs/tenant-databases.md#moves). DATABASE_URL (or DIRECT_URL) is the control database; the target URL is
// stored encrypted with DATABASE_ENCRYPTION_KEY. The URL is never printed.

await runScript(async () => {
  const [tenantId, target, ...rest] = process.argv.slice(2).filter((arg) => arg !== '--');
  if (!tenantId || !target || rest.length > 0) {
    throw new Error('usage: pnpm db:tenant:move <tenant-id> <target-url | shared>');
  }
  try {
    const report = await moveTenant(tenantId, target, { log: (line) => console.log(line) });
    const rows = Object.entries(report.rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ');
    console.log(
      `✓ tenant ${report.tenantId} moved from ${report.from} to ${report.to === SHARED ? 'the shared database' : report.to}: ` +
        `${rows}; writes paused ${report.pauseMs.toFixed(0)} ms, total ${(report.totalMs / 1000).toFixed(1)} s`,
    );
  } finally {
    await closeDefaultDatabase();
  }
});
