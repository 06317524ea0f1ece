import fs from 'node:fs';
import path from 'node:path';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { findTables } from '../../scripts/structure/rules.js';
import { db } from '../../src/client/db.js';
import { packageRoot } from '../../src/config/database-url.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import * as schema from '../../src/schema/index.js';
import { DEMO_TENANTS, seedDemoData } from '../../src/seed/index.js';

// One seed run (a few hundred query-object calls), inside the test's rolled-back transaction: the seed's own
// transaction becomes a savepoint. Everything is checked on that one run to keep the suite fast.

const tables: PgTable[] = Object.values(schema as Record<string, unknown>).flatMap((value) =>
  is(value, PgTable) ? [value] : [],
);

/**
 * No demo tenant has a database of its own, nor has one moved: every one stays in the shared database
 * (docs/tenant-databases.md), so its placement and fence tables stay empty.
 */
const EMPTY_BY_DESIGN = ['tenant_databases', 'tenant_fences'];

const hasSeedStep = (domain: string) => fs.existsSync(path.join(packageRoot, 'src/seed', `${domain}.ts`));

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[getTableName(table)] = await db.$count(table);
  return counts;
}

describe('seedDemoData', () => {
  it(
    `fills all ${tables.length} tables (3 tenants of 7-8 members) with what its 7 progress lines report; a second run adds 0 rows`,
    { timeout: 60_000 },
    async () => {
      const lines: string[] = [];
      const first = await seedDemoData({ log: (line) => lines.push(line) });
      const after = await rowCounts();

      if (first.skipped) throw new Error(`expected a first run, got: ${first.reason}`);
      // Every table the template ships has demo rows (domain_event_sequences is filled by its trigger); a table added
      // later with `pnpm db:new` is not part of the demo data set and may stay empty.
      const seeded = new Set([
        ...Object.values(first.domains).flatMap((counts) => Object.keys(counts)),
        'domain_event_sequences',
      ]);
      // The tables of every domain that has a seed step (24 in the template; `pnpm db:remove` takes a domain's step
      // with its tables, and a domain added with `pnpm db:new` has none).
      // Not counted: the tables empty by design.
      const expected = findTables(packageRoot).filter(
        (table) => hasSeedStep(table.domain) && !EMPTY_BY_DESIGN.includes(table.sqlName),
      );
      expect([...seeded].sort()).toEqual(expected.map((table) => table.sqlName).sort());
      expect(Object.entries(after).filter(([table, count]) => seeded.has(table) && count === 0)).toEqual([]);
      const steps = ['auth', 'tenant', 'features', 'notifications', 'subscriptions', 'admin', 'system'].filter(
        hasSeedStep,
      );
      expect(lines.map((line) => line.split(':')[0])).toEqual(steps.map((d) => `✓ ${d}`));
      for (const [domain, counts] of Object.entries(first.domains)) {
        for (const [table, written] of Object.entries(counts)) {
          // system_settings also holds the retention_settings row of the migration
          expect(after[table], `${domain}: ${table}`).toBe(table === 'system_settings' ? written + 1 : written);
        }
      }

      for (const spec of DEMO_TENANTS) {
        const tenant = await TenantQueries.findBySlug(spec.slug);
        expect(tenant?.name).toBe(spec.name);
        const members = await TenantMemberQueries.list({ limit: 100 }, { tenantId: tenant!.id });
        const roles = members.items.map((member) => member.role);
        // 1 owner, 2 admins, 3 members + the invitee who accepted; Acme's owner also belongs to Globex
        expect(roles.filter((role) => role === 'owner')).toHaveLength(1);
        expect(roles.filter((role) => role === 'admin')).toHaveLength(2);
        expect(roles.filter((role) => role === 'member')).toHaveLength(spec.slug === 'globex' ? 5 : 4);
      }
      // What each domain's step left is checked with the domain (test/subscriptions/subscription-seed.test.ts), so
      // this test stays whole when `pnpm db:remove` takes one.

      const second = await seedDemoData({ log: (line) => lines.push(line) });
      expect(second.skipped).toBe(true);
      expect(lines).toHaveLength(steps.length + 1);
      expect(lines[steps.length]).toMatch(/^- seed skipped: tenant "acme" exists/);
      expect(await rowCounts()).toEqual(after);
    },
  );
});
