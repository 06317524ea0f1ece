import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DatabaseHandle } from '../client/types.js';
import { TenantClientError } from '../errors/tenancy.js';

// Open clients of placed tenants' databases, at most `maxClients` at once, so that many tenants never hold more than
// maxClients × poolMax connections. A client is handed out as a lease: while any lease on it is held it is never
// closed (not by the LRU, the idle sweep nor shutdown). When every slot is leased, `acquire` waits for a release
// instead of opening one more client; a slot is free again only once the evicted client's `close()` has finished.

export interface ClientCacheOptions {
  /** Opens the client for a key (e.g. a database URL; tenants sharing a database share its key and client). */
  open: (key: string) => DatabaseHandle;
  maxClients: number;
  /** A client no lease has used for this long is closed by the sweep. `Infinity`: never. */
  idleTtlMs: number;
  /** How often the idle sweep runs (an unref'd timer). Default: half the TTL, between 1 s and 60 s. */
  sweepIntervalMs?: number;
  /** How long `acquire` waits for a free slot when every client is leased. Default 30 s. */
  acquireTimeoutMs?: number;
  /** The clock the idle TTL is measured on (tests pass their own). Default `Date.now`. */
  now?: () => number;
  /** What errors print for a key. Default: a hash of it, since the key may be a URL with a password. */
  label?: (key: string) => string;
  /** A client's `close()` failed (the slot is freed anyway). */
  onCloseError?: (error: TenantClientError) => void;
}

export interface ClientLease {
  readonly handle: DatabaseHandle;
  /** Ends the lease; calling it again does nothing. */
  release(): void;
}

export interface ClientCacheStats {
  /** Clients in the cache, leased or idle. */
  open: number;
  /** Clients evicted or expired whose `close()` has not finished yet (they still hold a slot). */
  closing: number;
  /** Clients with at least one lease. */
  leased: number;
  /** `acquire` calls waiting for a slot. */
  waiting: number;
  hits: number;
  misses: number;
  /** Clients closed to make room (least recently used first). */
  evictions: number;
  /** Clients closed by the idle sweep. */
  expirations: number;
  closeErrors: number;
}

export interface ClientCache {
  /** A lease on the key's client, opened on a miss. Release it when the work on it is done. */
  acquire(key: string): Promise<ClientLease>;
  /** `work` on the key's client, under a lease released when it settles. */
  use<T>(key: string, work: (handle: DatabaseHandle) => Promise<T>): Promise<T>;
  /** Closes the clients idle for `idleTtlMs` now (the timer calls it too); resolves with how many. */
  sweep(): Promise<number>;
  /** Shutdown: refuses new leases, closes idle clients now and leased ones on release; resolves when all are closed. */
  close(): Promise<void>;
  stats(): ClientCacheStats;
}

interface Entry {
  key: string;
  handle: DatabaseHandle;
  leases: number;
  lastUsed: number;
}

const defaultLabel = (key: string) =>
  `tenant database client ${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;

export function createClientCache(options: ClientCacheOptions): ClientCache {
  const { open, maxClients, idleTtlMs } = options;
  if (!Number.isInteger(maxClients) || maxClients < 1) throw new RangeError('maxClients must be an integer >= 1');
  if (!(idleTtlMs > 0)) throw new RangeError('idleTtlMs must be > 0 (Infinity: never)');
  const now = options.now ?? Date.now;
  const label = options.label ?? defaultLabel;
  const acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;

  // Map order is recency: a used entry is re-inserted at the end, so the first idle one is the least recently used.
  const entries = new Map<string, Entry>();
  const closing = new Map<string, Promise<void>>();
  const waiters = new Set<() => void>();
  const counts = { hits: 0, misses: 0, evictions: 0, expirations: 0, closeErrors: 0 };
  let shutdown: Promise<void> | undefined;
  let waiting = 0;

  const notify = () => {
    for (const wake of [...waiters]) wake();
  };

  /** Resolves at the next release or finished close; false when `deadline` passes first. */
  const nextChange = (deadline: number) =>
    new Promise<boolean>((resolve) => {
      const wake = () => {
        waiters.delete(wake);
        clearTimeout(timer);
        resolve(true);
      };
      const expire = () => {
        waiters.delete(wake);
        resolve(false);
      };
      // setTimeout turns a delay beyond 2^31 - 1 ms (Infinity too) into 1 ms: no timer for "no deadline".
      const timer = Number.isFinite(deadline)
        ? setTimeout(expire, Math.max(0, deadline - performance.now()))
        : undefined;
      waiters.add(wake);
    });

  function retire(entry: Entry): Promise<void> {
    entries.delete(entry.key);
    const done = entry.handle
      .close()
      .catch((error: unknown) => {
        counts.closeErrors++;
        options.onCloseError?.(new TenantClientError(label(entry.key), 'close_failed', 'closing it failed', error));
      })
      .finally(() => {
        closing.delete(entry.key);
        notify();
      });
    closing.set(entry.key, done);
    return done;
  }

  function lease(entry: Entry): ClientLease {
    entry.leases++;
    entry.lastUsed = now();
    entries.delete(entry.key);
    entries.set(entry.key, entry);
    let released = false;
    return {
      handle: entry.handle,
      release() {
        if (released) return;
        released = true;
        entry.leases--;
        entry.lastUsed = now();
        if (shutdown && entry.leases === 0) void retire(entry);
        notify();
      },
    };
  }

  function openEntry(key: string): Entry {
    let handle: DatabaseHandle;
    try {
      handle = open(key);
    } catch (error) {
      throw new TenantClientError(label(key), 'open_failed', 'could not open its database client', error);
    }
    const entry: Entry = { key, handle, leases: 0, lastUsed: now() };
    entries.set(key, entry);
    return entry;
  }

  const leastRecentIdle = () => [...entries.values()].find((entry) => entry.leases === 0);

  async function acquire(key: string): Promise<ClientLease> {
    const deadline = performance.now() + acquireTimeoutMs;
    for (;;) {
      if (shutdown) throw new TenantClientError(label(key), 'cache_closed', 'the client cache is closed');
      const cached = entries.get(key);
      if (cached) {
        counts.hits++;
        return lease(cached);
      }
      // The same database is not opened twice at once (a PGlite directory cannot be).
      const closingSameKey = closing.get(key);
      if (closingSameKey) {
        await closingSameKey;
        continue;
      }
      if (entries.size + closing.size < maxClients) {
        counts.misses++;
        return lease(openEntry(key));
      }
      const victim = leastRecentIdle();
      if (victim) {
        counts.evictions++;
        await retire(victim);
        continue;
      }
      waiting++;
      const changed = await nextChange(deadline); // never rejects
      waiting--;
      if (!changed) {
        throw new TenantClientError(
          label(key),
          'acquire_timeout',
          `all ${maxClients} clients stayed leased for ${acquireTimeoutMs} ms (a lease held while acquiring another?)`,
        );
      }
    }
  }

  async function sweep(): Promise<number> {
    const cutoff = now() - idleTtlMs;
    const expired = [...entries.values()].filter((entry) => entry.leases === 0 && entry.lastUsed <= cutoff);
    counts.expirations += expired.length;
    await Promise.all(expired.map(retire));
    return expired.length;
  }

  const timer = Number.isFinite(idleTtlMs)
    ? setInterval(() => void sweep(), options.sweepIntervalMs ?? Math.min(Math.max(idleTtlMs / 2, 1_000), 60_000))
    : undefined;
  timer?.unref();

  async function closeAll(): Promise<void> {
    clearInterval(timer);
    notify();
    for (;;) {
      for (const entry of [...entries.values()]) if (entry.leases === 0) void retire(entry);
      if (entries.size === 0 && closing.size === 0) return;
      await nextChange(Infinity);
    }
  }

  return {
    acquire,
    async use(key, work) {
      const held = await acquire(key);
      try {
        return await work(held.handle);
      } finally {
        held.release();
      }
    },
    sweep,
    close() {
      shutdown ??= closeAll();
      return shutdown;
    },
    stats() {
      const values = [...entries.values()];
      return {
        open: entries.size,
        closing: closing.size,
        leased: values.filter((entry) => entry.leases > 0).length,
        waiting,
        ...counts,
      };
    },
  };
}
