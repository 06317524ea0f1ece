import { createHash } from 'node:crypto';
import { createDatabase } from '../client/create-database.js';
import {
  runWithExecutor,
  setTenantRouter,
  sharedExecutor,
  tagDatabase,
  tenantRouter,
  type TenantDatabaseLease,
  type TenantRouter,
} from '../client/executor.js';
import type { DatabaseHandle } from '../client/types.js';
import { env } from '../config/env.js';
import { ConfigError } from '../errors/classes.js';
import { TenantDatabaseQueries } from '../queries/tenant/tenant-database.js';
import { currentTenantId } from '../scope/tenant.js';
import { createClientCache, type ClientCache, type ClientCacheStats } from './client-cache.js';
import { decryptUrl, parseKeyRing, type KeyRing } from './encryption.js';

// Routing of tenant data (docs/tenant-databases.md): a call for a tenant asks its placement (cached for
// `placementTtlMs`), decrypts the URL in memory and borrows a client from an LRU of at most `maxClients`.
// A shared tenant (no placement row) runs where everything else runs.

export interface TenantDatabasesOptions {
  /** Default: DATABASE_ENCRYPTION_KEY. Needed as soon as one tenant is placed. */
  keyRing?: KeyRing;
  /** Open clients of tenant databases at most (default 20); each holds up to `poolMax` connections. */
  maxClients?: number;
  /** A client unused this long is closed (default 5 minutes). */
  idleTtlMs?: number;
  /** Connections per tenant database client (default 2). */
  poolMax?: number;
  /**
   * How long a placement is trusted before it is read again (default 2 s). Writes never depend on it (the write
   * guard refuses a write to a database the tenant left); a read may see the old database this long after a move,
   * which is why a move keeps the old rows readable that long before deleting them.
   */
  placementTtlMs?: number;
  /** How a tenant database's client is opened (default: `createDatabase` with `poolMax`). */
  open?: (url: string) => DatabaseHandle;
}

export interface TenantDatabases {
  /** Forget cached placements (one tenant, or all): the next call reads them again. */
  invalidate(tenantId?: string): void;
  stats(): ClientCacheStats & { placementsCached: number };
  /** Stop routing and close every tenant database client. */
  close(): Promise<void>;
}

interface Placement {
  key: string;
  url: string;
}

/**
 * Route tenant data to each tenant's database from now on, for every query object in the process. Call it once at
 * startup (scripts and `database/testing` do); calling code does not change.
 */
export function enableTenantDatabases(options: TenantDatabasesOptions = {}): TenantDatabases {
  if (tenantRouter()) throw new ConfigError('Tenant databases are already enabled in this process.');
  const placementTtlMs = options.placementTtlMs ?? 2_000;
  const poolMax = options.poolMax ?? 2;
  const open = options.open ?? ((url: string) => createDatabase({ url, poolMax }));
  let keyRing = options.keyRing;
  const clients: ClientCache = createClientCache({
    open,
    maxClients: options.maxClients ?? 20,
    idleTtlMs: options.idleTtlMs ?? 5 * 60_000,
  });
  const placements = new Map<string, { placement: Placement | null; expires: number }>();

  const ring = (): KeyRing | undefined => {
    const text = env().DATABASE_ENCRYPTION_KEY;
    keyRing ??= text === undefined ? undefined : parseKeyRing(text);
    return keyRing;
  };

  async function placementOf(tenantId: string): Promise<Placement | null> {
    const cached = placements.get(tenantId);
    if (cached && cached.expires > Date.now()) return cached.placement;
    const sealed = await runWithExecutor(sharedExecutor(), () => TenantDatabaseQueries.findSealed(tenantId));
    const placement = sealed && toPlacement(decryptUrl(ring(), tenantId, sealed.encryptedUrl));
    placements.set(tenantId, { placement, expires: Date.now() + placementTtlMs });
    return placement;
  }

  async function acquire(tenantId: string): Promise<TenantDatabaseLease | null> {
    const placement = await placementOf(tenantId);
    if (!placement) return null;
    const lease = await clients.acquire(placement.url);
    tagDatabase(lease.handle.db, placement.key);
    return { tenantId, key: placement.key, db: lease.handle.db, release: () => lease.release() };
  }

  const router: TenantRouter = {
    acquire,
    async acquireAmbient() {
      const tenantId = currentTenantId();
      return tenantId === undefined ? undefined : acquire(tenantId);
    },
    invalidate(tenantId) {
      placements.delete(tenantId);
    },
    async eachPlacedDatabase(work) {
      const sealed = await runWithExecutor(sharedExecutor(), () => TenantDatabaseQueries.listSealed());
      const urls = new Map(
        sealed.map((p) => toPlacement(decryptUrl(ring(), p.tenantId, p.encryptedUrl))).map((p) => [p.key, p]),
      );
      for (const placement of urls.values()) {
        await clients.use(placement.url, async (handle) => {
          tagDatabase(handle.db, placement.key);
          await work(handle.db);
        });
      }
    },
  };
  setTenantRouter(router);
  active = clients;

  return {
    invalidate(tenantId) {
      if (tenantId === undefined) placements.clear();
      else placements.delete(tenantId);
    },
    stats: () => ({ ...clients.stats(), placementsCached: placements.size }),
    async close() {
      if (tenantRouter() === router) setTenantRouter(null);
      if (active === clients) active = null;
      placements.clear();
      await clients.close();
    },
  };
}

/** A database's routing key: a digest of its URL, so logs and errors can name it without the password. */
export function databaseKey(url: string): string {
  return `db-${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
}

function toPlacement(url: string): Placement {
  return { key: databaseKey(url), url };
}

let active: ClientCache | null = null;

/**
 * `work` on the database at `url`: the router's client when tenant databases are enabled (one PGlite directory
 * must not be opened twice in a process), else a client of its own, closed afterwards.
 */
export async function useDatabaseAt<T>(url: string, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  if (active) return active.use(url, work);
  const handle = createDatabase({ url, poolMax: 2 });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/**
 * Run `fn` with the tenant's database as the ambient executor, for SQL of your own through `db` (the query objects
 * route by themselves). A shared tenant runs on the shared database; without tenant databases enabled, as is.
 */
export async function withTenantDatabase<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
  const router = tenantRouter();
  if (!router) return fn();
  const lease = await router.acquire(tenantId);
  if (!lease) return runWithExecutor(sharedExecutor(), fn);
  try {
    return await runWithExecutor(lease.db, fn);
  } finally {
    lease.release();
  }
}
