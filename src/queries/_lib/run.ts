import type { Executor } from '../../client/types.js';
import {
  ambientTransaction,
  currentExecutor,
  databaseKeyOf,
  describeKey,
  isTransaction,
  primaryOf,
  runWithExecutor,
  SHARED_DATABASE,
  sharedExecutor,
  tenantRouter,
  type TenantRouter,
} from '../../client/executor.js';
import { toDatabaseError } from '../../errors/sqlstate.js';
import { CrossDatabaseTransactionError, TenantMovedError } from '../../errors/tenant-routing.js';

// `read` and `write` are where every query object meets its executor. `tenantId` is passed by the query objects of
// tenant-data tables (src/schema/_placement.ts): with tenant databases enabled it picks the tenant's own database.

/** Run a read on the current executor (the tenant's database for tenant data), mapping driver errors. */
export async function read<T>(fn: (db: Executor) => Promise<T>, tenantId?: string): Promise<T> {
  const router = tenantRouter();
  try {
    if (!router) return await fn(currentExecutor());
    return await routed(router, tenantId, fn);
  } catch (error) {
    throw toDatabaseError(error);
  }
}

/**
 * Run a write on the current executor's primary (with read replicas, the selects a write makes must see the
 * primary's rows). Inside a transaction it gets a savepoint, so a constraint violation the caller catches (a
 * ConflictError, say) does not leave the caller's transaction aborted.
 */
export async function write<T>(fn: (db: Executor) => Promise<T>, tenantId?: string): Promise<T> {
  const router = tenantRouter();
  try {
    if (!router) return await writeOn(currentExecutor(), fn);
    for (let attempt = 1; ; attempt++) {
      try {
        return await routed(router, tenantId, (executor) => writeOn(executor, fn));
      } catch (error) {
        if (tenantId === undefined || !movedAway(error)) throw error;
        // The write guard refused it before anything was applied: the tenant moved. Outside a transaction of the
        // caller's, look the placement up again and retry there; inside one, the whole transaction must retry.
        if (ambientTransaction() || attempt === MOVE_RETRIES) throw new TenantMovedError(tenantId);
        router.invalidate(tenantId);
      }
    }
  } catch (error) {
    throw toDatabaseError(error);
  }
}

const MOVE_RETRIES = 5;

async function writeOn<T>(current: Executor, fn: (db: Executor) => Promise<T>): Promise<T> {
  const executor = primaryOf(current);
  if (!isTransaction(executor)) return runWithExecutor(executor, () => fn(executor));
  return executor.transaction((savepoint) => runWithExecutor(savepoint, () => fn(savepoint)));
}

/** `work` on the database the tenant (or, without one, the shared database) lives in. */
async function routed<T>(
  router: TenantRouter,
  tenantId: string | undefined,
  work: (executor: Executor) => Promise<T>,
): Promise<T> {
  const current = currentExecutor();
  const lease = tenantId === undefined ? null : await router.acquire(tenantId);
  try {
    const key = lease?.key ?? SHARED_DATABASE;
    if (databaseKeyOf(current) === key) return await work(current);
    const open = ambientTransaction();
    if (open) throw new CrossDatabaseTransactionError(tenantId, describeKey(open));
    const executor = lease ? lease.db : sharedExecutor();
    return await runWithExecutor(executor, () => work(executor));
  } finally {
    lease?.release();
  }
}

function movedAway(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === 'DBM01') return true;
  }
  return false;
}
