import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/client/create-database.js';
import { createClientCache } from '../../src/tenancy/client-cache.js';
import { onServer } from '../../src/testing/isolated-database.js';
import { databaseUrlFor } from '../../src/testing/source.js';

// The measurement issue 17 asks for: 500 placed tenants accessed at random never hold more than
// maxClients × poolMax connections. Each tenant key is its own URL to one throwaway database, told apart on the
// server by `application_name` (postgres.js sends a URL's unknown query parameters as startup parameters).

const source = inject('testDatabase');
const TENANTS = 500;
const CALLERS = 50;
const CALLS_PER_CALLER = 40;
const MAX_CLIENTS = 20;
const POOL_MAX = 2;

describe.skipIf(source.kind !== 'postgres')('client cache on a PostgreSQL server (TEST_DATABASE_URL)', () => {
  it(
    `${TENANTS} tenants, ${CALLERS} concurrent callers: connections stay within ${MAX_CLIENTS} clients × ${POOL_MAX}`,
    { timeout: 180_000 },
    async () => {
      if (source.kind !== 'postgres') return;
      const name = `${source.runPrefix}_lru_${randomBytes(4).toString('hex')}`;
      await onServer(source.serverUrl, `create database "${name}"`);
      const base = databaseUrlFor(source.serverUrl, name);
      const tenantUrl = (i: number) => `${base}?application_name=tenant_${i}`;
      const cache = createClientCache({
        open: (url) => createDatabase({ url, poolMax: POOL_MAX }),
        maxClients: MAX_CLIENTS,
        idleTtlMs: 60_000,
      });
      const admin = postgres(source.serverUrl, { max: 1, onnotice: () => {} });
      const activity = () =>
        admin<{ n: number; apps: string[] }[]>`
          select count(*)::int as n, coalesce(array_agg(distinct application_name), '{}') as apps
          from pg_stat_activity where datname = ${name}`.then((rows) => rows[0]!);
      try {
        let running = true;
        const samples: number[] = [];
        const appsSeen = new Set<string>();
        const sampler = (async () => {
          while (running) {
            const { n, apps } = await activity();
            samples.push(n);
            for (const app of apps) appsSeen.add(app);
          }
        })();

        const started = performance.now();
        await Promise.all(
          Array.from({ length: CALLERS }, async () => {
            for (let call = 0; call < CALLS_PER_CALLER; call++) {
              const tenant = Math.floor(Math.random() * TENANTS);
              const result = await cache.use(tenantUrl(tenant), (handle) => handle.db.execute(sql`select 1 as one`));
              expect(result).toEqual([{ one: 1 }]);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        running = false;
        await sampler;

        const stats = cache.stats();
        const calls = CALLERS * CALLS_PER_CALLER;
        console.log(
          `client cache, ${TENANTS} tenants at random, ${CALLERS} callers, maxClients ${MAX_CLIENTS}, poolMax ${POOL_MAX}: ` +
            `${calls} calls in ${seconds.toFixed(1)} s (${(calls / seconds).toFixed(0)} calls/s), ` +
            `hit rate ${((100 * stats.hits) / calls).toFixed(1)}% (${stats.hits} hits, ${stats.misses} misses, ` +
            `${stats.evictions} evictions); pg_stat_activity: ${samples.length} samples, ` +
            `max ${Math.max(...samples)} connections (bound ${MAX_CLIENTS * POOL_MAX}), ` +
            `${appsSeen.size} distinct application_names seen`,
        );

        expect(stats.hits + stats.misses).toBe(calls);
        expect(stats.misses).toBe(stats.evictions + stats.open + stats.closing);
        expect(samples.length).toBeGreaterThan(20);
        expect(Math.max(...samples)).toBeLessThanOrEqual(MAX_CLIENTS * POOL_MAX);
        // The samples saw the tenants' own connections (the bound is not vacuous), far more of them than fit at once.
        expect(Math.max(...samples)).toBeGreaterThan(MAX_CLIENTS / 2);
        expect(appsSeen.size).toBeGreaterThan(MAX_CLIENTS);
        for (const app of appsSeen) expect(app).toMatch(/^tenant_\d+$/);

        await cache.close();
        for (let waited = 0; (await activity()).n > 0 && waited < 5_000; waited += 50) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect((await activity()).n).toBe(0);
      } finally {
        await cache.close();
        await admin.end();
        await onServer(source.serverUrl, `drop database if exists "${name}" with (force)`);
      }
    },
  );
});
