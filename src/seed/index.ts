import { withTransaction } from '../client/executor.js';
import { TenantQueries } from '../queries/tenant/tenant.js';
import { seedFactories } from '../testing/index.js';
import { seedAdmin } from './admin.js';
import { seedAuth } from './auth.js';
import type { TableCounts } from './context.js';
import { DEMO_MARKER_SLUG, DEMO_SEED } from './demo-data.js';
import { seedFeatures } from './features.js';
import { seedNotifications } from './notifications.js';
import { seedSubscriptions } from './subscriptions.js';
import { seedSystem } from './system.js';
import { seedTenants } from './tenant.js';

export { DEMO_MARKER_SLUG, DEMO_SEED, DEMO_TENANTS } from './demo-data.js';

export type SeedResult =
  | { skipped: true; reason: string }
  | { skipped: false; /** Rows written per domain and table. */ domains: Record<string, TableCounts> };

export interface SeedOptions {
  /** Progress lines (default console.log). */
  log?: (line: string) => void;
}

/**
 * Writes the demo data set through the query objects (so every row passes the same validation as the app's), on
 * the current executor, in one transaction: all of it or nothing. Idempotent: a database that already has the demo
 * tenant (slug `acme`, even soft-deleted) is left alone.
 */
export async function seedDemoData(options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? console.log;
  if (await TenantQueries.findBySlug(DEMO_MARKER_SLUG, { withDeleted: true })) {
    const reason = `tenant "${DEMO_MARKER_SLUG}" exists: the demo data is already there (pnpm db:reset starts over)`;
    log(`- seed skipped: ${reason}`);
    return { skipped: true, reason };
  }
  seedFactories(DEMO_SEED);
  const domains: Record<string, TableCounts> = {};
  const done = (domain: string, counts: TableCounts) => {
    domains[domain] = counts;
    const tables = Object.entries(counts).map(([table, count]) => `${table} ${count}`);
    log(`✓ ${domain}: ${tables.join(', ')}`);
  };
  await withTransaction(async () => {
    const users = await seedAuth();
    done('auth', users.counts);
    const { tenants, counts } = await seedTenants(users);
    done('tenant', counts);
    done('features', await seedFeatures(tenants));
    done('notifications', await seedNotifications(tenants));
    done('subscriptions', await seedSubscriptions(tenants));
    done('admin', await seedAdmin(users, tenants));
    done('system', await seedSystem(tenants));
  });
  return { skipped: false, domains };
}
