import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createDatabase } from '../../src/client/create-database.js';
import { createClientCache, type ClientCache } from '../../src/tenancy/client-cache.js';
import type { BenchCase, BenchContext } from '../lib/context.js';
import { compareUnderLoad } from '../lib/concurrency.js';
import { row, type CaseResult } from '../lib/result.js';

// The per-tenant client cache (src/tenancy/client-cache.ts) under 32 callers doing `select 1`, PostgreSQL only (a
// PGlite client costs seconds to open). Each tenant key is the bench database's URL with its own application_name.
// Hot set: every tenant fits in the cache, so this is the lease overhead against one shared client. Long tail: 500
// tenants at random through 20 clients, nearly every call a miss, so this is the cost of opening and closing.

const CALLERS = 32;
const MAX_CLIENTS = 20;
const POOL_MAX = 2;

function tenantCache(url: string): { cache: ClientCache; key: (tenant: number) => string } {
  const cache = createClientCache({
    open: (key) => createDatabase({ url: key, poolMax: POOL_MAX }),
    maxClients: MAX_CLIENTS,
    idleTtlMs: 60_000,
  });
  const base = new URL(url);
  const key = (tenant: number) => {
    base.searchParams.set('application_name', `bench_tenant_${tenant}`);
    return base.toString();
  };
  return { cache, key };
}

const selectOne = sql`select 1`;

async function hotSet(context: BenchContext, url: string): Promise<CaseResult> {
  const { cache, key } = tenantCache(url);
  const shared = createDatabase({ url, poolMax: MAX_CLIENTS });
  try {
    const comparison = await compareUnderLoad({
      ours: () => cache.use(key(Math.floor(Math.random() * MAX_CLIENTS)), (handle) => handle.db.execute(selectOne)),
      baseline: () => shared.db.execute(selectOne),
      callers: CALLERS,
      callsPerRound: context.pick(2_000, 64),
      rounds: context.pick(5, 1),
    });
    const stats = cache.stats();
    return row({
      case: `${MAX_CLIENTS} tenants (all cached), ${CALLERS} callers`,
      database: 'postgres',
      ours: { label: 'ClientCache.use + select 1', value: comparison.ours.throughput, unit: 'ops/s' },
      baseline: { label: `one client, pool of ${MAX_CLIENTS}`, value: comparison.baseline.throughput, unit: 'ops/s' },
      ratio: comparison.ratio,
      goal: { kind: 'report' },
      note: `hit rate ${((100 * stats.hits) / (stats.hits + stats.misses)).toFixed(1)}%; pool of ${POOL_MAX} per tenant`,
    });
  } finally {
    await Promise.all([cache.close(), shared.close()]);
  }
}

async function longTail(context: BenchContext, url: string): Promise<CaseResult> {
  const tenants = context.pick(500, 40);
  const calls = context.pick(2_000, 64);
  const { cache, key } = tenantCache(url);
  try {
    let left = calls;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        while (left > 0) {
          left -= 1;
          await cache.use(key(Math.floor(Math.random() * tenants)), (handle) => handle.db.execute(selectOne));
        }
      }),
    );
    const throughput = calls / ((performance.now() - started) / 1000);
    const stats = cache.stats();
    return row({
      case: `${tenants} tenants at random through ${MAX_CLIENTS} clients, ${CALLERS} callers`,
      database: 'postgres',
      ours: { label: 'ClientCache.use + select 1', value: throughput, unit: 'ops/s' },
      baseline: null,
      ratio: null,
      goal: { kind: 'report' },
      note: `hit rate ${((100 * stats.hits) / calls).toFixed(1)}%, ${stats.evictions} evictions; each miss connects`,
    });
  } finally {
    await cache.close();
  }
}

export const tenantClientsCase: BenchCase = {
  name: 'tenant-clients',
  description: `per-tenant client cache (LRU of ${MAX_CLIENTS}): a cached hot set vs one client, and a 500-tenant long tail`,
  async run(context) {
    if (!context.postgres) return [];
    return [await hotSet(context, context.postgres.url), await longTail(context, context.postgres.url)];
  },
};
