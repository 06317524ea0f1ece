import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/client/create-database.js';
import type { DatabaseHandle } from '../../src/client/types.js';
import { TenantClientError } from '../../src/errors/tenancy.js';
import { createClientCache, type ClientCacheOptions } from '../../src/tenancy/client-cache.js';

// LRU, idle TTL and shutdown on real PGlite data directories (`pglite://<dir>` keys). The measurement on the server
// (500 tenants, pg_stat_activity) is in client-cache-server.test.ts.

let root: string;
let template: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'client-cache-'));
  // One initdb, copied for each directory: a fresh PGlite cluster costs seconds on a busy machine.
  template = path.join(root, 'template');
  const handle = createDatabase({ url: `pglite://${template}` });
  await handle.db.execute(sql`select 1`);
  await handle.close();
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A `pglite://` key for a data directory of its own, made once. */
function key(name: string): string {
  const dir = path.join(root, name);
  if (!fs.existsSync(dir)) fs.cpSync(template, dir, { recursive: true });
  return `pglite://${dir}`;
}

/** Opens real PGlite directories and remembers every handle it made, in order. */
function pgliteCache(overrides: Partial<ClientCacheOptions> = {}) {
  const opened: { key: string; handle: DatabaseHandle }[] = [];
  const cache = createClientCache({
    open(url) {
      const handle = createDatabase({ url });
      opened.push({ key: url, handle });
      return handle;
    },
    maxClients: 2,
    idleTtlMs: Infinity,
    ...overrides,
  });
  return { cache, opened };
}

/** Rows of a raw statement on a PGlite client (`db.execute` is typed `unknown` over both drivers). */
async function rowsOf(query: Promise<unknown>): Promise<unknown[]> {
  return ((await query) as { rows: unknown[] }).rows;
}

const selectOne = (handle: DatabaseHandle) => rowsOf(handle.db.execute(sql`select 1 as one`));

async function isClosed(handle: DatabaseHandle): Promise<boolean> {
  return selectOne(handle).then(
    () => false,
    () => true,
  );
}

function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('client cache on PGlite directories', { timeout: 60_000 }, () => {
  it('keeps the most recently used clients and closes the least recently used one beyond maxClients', async () => {
    const { cache, opened } = pgliteCache();
    try {
      await cache.use(key('lru-a'), (db) => db.db.execute(sql`create table marker (tenant text)`));
      await cache.use(key('lru-a'), (db) => db.db.execute(sql`insert into marker values ('a')`));
      await cache.use(key('lru-b'), selectOne);
      await cache.use(key('lru-a'), selectOne); // a is now the most recent: b goes first
      await cache.use(key('lru-c'), selectOne);

      expect(opened.map((o) => path.basename(o.key))).toEqual(['lru-a', 'lru-b', 'lru-c']);
      expect(cache.stats()).toMatchObject({ open: 2, closing: 0, hits: 2, misses: 3, evictions: 1 });
      expect(await isClosed(opened[1]!.handle)).toBe(true);
      expect(await isClosed(opened[0]!.handle)).toBe(false);

      // Evict a, then reopen its directory: a new client on the same data.
      await cache.use(key('lru-b'), selectOne);
      expect(await isClosed(opened[0]!.handle)).toBe(true);
      const rows = await cache.use(key('lru-a'), (db) => rowsOf(db.db.execute(sql`select tenant from marker`)));
      expect(rows).toEqual([{ tenant: 'a' }]);
      expect(opened).toHaveLength(5);
      expect(cache.stats()).toMatchObject({ open: 2, misses: 5, evictions: 3 });
    } finally {
      await cache.close();
    }
  });

  it('never closes a leased client: a caller needing a slot waits for the release, then the client closes', async () => {
    const { cache, opened } = pgliteCache({ maxClients: 1 });
    try {
      const lease = await cache.acquire(key('busy-a'));
      const running = rowsOf(lease.handle.db.execute(sql`select pg_sleep(0.3), 'done' as state`));
      let bResolved = false;
      const bLease = cache.acquire(key('busy-b')).then((held) => {
        bResolved = true;
        return held;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(bResolved).toBe(false);
      expect(cache.stats()).toMatchObject({ open: 1, leased: 1, waiting: 1, evictions: 0 });

      expect(await running).toEqual([{ pg_sleep: '', state: 'done' }]);
      // Work after the query, still under the lease, still runs on an open client.
      expect(await selectOne(lease.handle)).toEqual([{ one: 1 }]);
      expect(bResolved).toBe(false);

      lease.release();
      lease.release(); // twice is harmless: the count does not go negative
      const b = await bLease;
      expect(await isClosed(opened[0]!.handle)).toBe(true);
      expect(await selectOne(b.handle)).toEqual([{ one: 1 }]);
      expect(cache.stats()).toMatchObject({ open: 1, leased: 1, waiting: 0, evictions: 1 });
      b.release();
    } finally {
      await cache.close();
    }
  });

  it('gives up waiting for a slot after acquireTimeoutMs with a typed error', async () => {
    const { cache } = pgliteCache({ maxClients: 1, acquireTimeoutMs: 150 });
    try {
      const lease = await cache.acquire(key('timeout-a'));
      const error = await caught(cache.acquire(key('timeout-b')));
      expect(error).toBeInstanceOf(TenantClientError);
      expect(error).toMatchObject({ problem: 'acquire_timeout', code: 'connection_failed' });
      expect(cache.stats()).toMatchObject({ open: 1, waiting: 0 });
      lease.release();
    } finally {
      await cache.close();
    }
  });

  it('closes clients idle for idleTtlMs, not leased ones, on its clock', async () => {
    let clock = 1_000_000;
    const { cache, opened } = pgliteCache({ idleTtlMs: 1_000, sweepIntervalMs: 3_600_000, now: () => clock });
    try {
      await cache.use(key('ttl-a'), selectOne);
      const lease = await cache.acquire(key('ttl-b'));
      clock += 999;
      expect(await cache.sweep()).toBe(0);
      clock += 1;
      expect(await cache.sweep()).toBe(1); // a, idle for 1000 ms; b is leased
      expect(await isClosed(opened[0]!.handle)).toBe(true);
      clock += 60_000;
      expect(await cache.sweep()).toBe(0);
      lease.release(); // idle from now
      clock += 999;
      expect(await cache.sweep()).toBe(0);
      clock += 1;
      expect(await cache.sweep()).toBe(1);
      expect(cache.stats()).toMatchObject({ open: 0, expirations: 2, evictions: 0 });
    } finally {
      await cache.close();
    }
  });

  it('sweeps on its own timer', async () => {
    const { cache, opened } = pgliteCache({ idleTtlMs: 50, sweepIntervalMs: 20 });
    try {
      await cache.use(key('timer-a'), selectOne);
      for (let waited = 0; cache.stats().open > 0 && waited < 5_000; waited += 25) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(cache.stats()).toMatchObject({ open: 0, closing: 0, expirations: 1 });
      expect(await isClosed(opened[0]!.handle)).toBe(true);
    } finally {
      await cache.close();
    }
  });

  it('close() shuts idle clients at once, leased ones after their release, and refuses new leases', async () => {
    const { cache, opened } = pgliteCache();
    await cache.use(key('close-a'), selectOne);
    const lease = await cache.acquire(key('close-b'));
    let closed = false;
    const closing = cache.close().then(() => {
      closed = true;
    });
    const refused = await caught(cache.acquire(key('close-a')));
    expect(refused).toMatchObject({ problem: 'cache_closed', code: 'connection_lost' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await isClosed(opened[0]!.handle)).toBe(true);
    expect(closed).toBe(false);
    expect(await selectOne(lease.handle)).toEqual([{ one: 1 }]);
    lease.release();
    await closing;
    expect(await isClosed(opened[1]!.handle)).toBe(true);
    expect(cache.stats()).toMatchObject({ open: 0, closing: 0 });
  });

  it('an error opening a client names its label, never the key, the URL or its password', async () => {
    const password = 'open-Pa55word';
    const url = `postgres://owner:${password}@db.internal.example:5432/tenant_db?application_name=t`;
    const quoting = createClientCache({
      open: (k) => {
        throw Object.assign(new Error(`cannot reach ${k}`), { code: 'ECONNREFUSED' });
      },
      maxClients: 1,
      idleTtlMs: Infinity,
    });
    const error = await caught(quoting.acquire(url));
    expect(error).toBeInstanceOf(TenantClientError);
    expect(error).toMatchObject({ problem: 'open_failed', original: { name: 'Error', code: 'ECONNREFUSED' } });
    const printed = [(error as Error).message, (error as Error).stack, String((error as Error).cause)].join('\n');
    for (const piece of [password, 'db.internal.example', 'tenant_db', 'owner']) expect(printed).not.toContain(piece);
    expect((error as Error).message).toMatch(/^tenant database client [0-9a-f]{12}: could not open/);
    expect(quoting.stats()).toMatchObject({ open: 0, misses: 1 });
    await quoting.close();

    // A real failure: the directory is held by another client (PGlite's lock error quotes the directory).
    const holder = createDatabase({ url: key('held') });
    const { cache } = pgliteCache({ label: () => 'tenant 42' });
    try {
      const held = await caught(cache.acquire(key('held')));
      expect(held).toMatchObject({ problem: 'open_failed', original: { name: 'DatabaseInUseError' } });
      expect((held as Error).message).toMatch(/^tenant 42: could not open its database client/);
      expect(`${(held as Error).message}\n${(held as Error).stack}`).not.toContain(root);
    } finally {
      await cache.close();
      await holder.close();
    }
  });
});
