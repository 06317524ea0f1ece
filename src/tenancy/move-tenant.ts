import { eq, sql } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { runWithExecutor, sharedExecutor, tenantRouter } from '../client/executor.js';
import type { DatabaseHandle, Executor } from '../client/types.js';
import { TenantMoveError } from '../errors/tenant-routing.js';
import { TenantDatabaseQueries } from '../queries/tenant/tenant-database.js';
import { parseId } from '../queries/_lib/validate.js';
import type { TenantDataTable } from '../schema/_placement.js';
import { tenantFences } from '../schema/tables/tenant/tenant-fence.js';
import { tenants } from '../schema/tables/tenant/tenant.js';
import { decryptUrl, encryptUrl, type KeyRing } from './encryption.js';
import { envKeyRing } from './place-tenant.js';
import { anchorTenant, prepareTenantDatabase } from './prepare-database.js';
import { databaseKey, useDatabaseAt } from './router.js';
import { tableName, tenantDataTables } from './tenant-data-tables.js';
import { deleteRows, digestOf, insertRows, readRows, rowHashes } from './tenant-rows.js';

// Moving a tenant between databases (docs/tenant-databases.md, "Moves"):
//   1. prepare the target (migrations, control foreign keys dropped, tenant anchored; leftovers of an aborted move
//      and an old fence removed) and attach the write guard to the source's tenant-data tables;
//   2. copy every row while writes go on;
//   3. under the tenant's move lock on the source (writers wait): copy what changed since, verify counts and
//      digests, fence the tenant in the source and switch its placement, then commit: the pause ends;
//   4. after `graceMs` (how long other processes may still read the old placement) delete the source rows.
// A write that waited on the lock finds the fence, is refused before anything is applied (SQLSTATE DBM01), and the
// query objects retry it on the new placement: nothing is lost or applied twice.

const CATCH_UP_ROUNDS = 3;
const SMALL_DELTA = 100;

/** `to` value that moves a tenant back into the shared database. */
export const SHARED = 'shared';

export interface MoveTenantOptions {
  /** Default: DATABASE_ENCRYPTION_KEY. */
  keyRing?: KeyRing;
  /** Rows per insert while copying (default 5,000). */
  chunkSize?: number;
  /** Wait before deleting the source rows: the placement TTL of the app's routers (default 2,000 ms). */
  graceMs?: number;
  log?: (line: string) => void;
}

export interface MoveReport {
  tenantId: string;
  /** `shared` or the databases' keys (digests, never URLs). */
  from: string;
  to: string;
  rows: Record<string, number>;
  /** Rows copied again under the lock (written during the bulk copy). */
  recopied: number;
  copyMs: number;
  /** How long the tenant's writes waited: the locked final pass, verification and switch. */
  pauseMs: number;
  totalMs: number;
}

interface Side {
  url: string | null;
  label: string;
}

export async function moveTenant(tenantId: string, to: string, options: MoveTenantOptions = {}): Promise<MoveReport> {
  const id = parseId('TenantDatabase', tenantId, 'tenantId');
  const keyRing = options.keyRing ?? envKeyRing();
  const chunkSize = options.chunkSize ?? 5_000;
  const log = options.log ?? (() => {});
  const control = sharedExecutor();
  const started = performance.now();

  const sealed = await runWithExecutor(control, () => TenantDatabaseQueries.findSealed(id));
  const from = sideOf(sealed ? decryptUrl(keyRing, id, sealed.encryptedUrl) : null);
  const target = sideOf(to === SHARED ? null : to);
  if (from.label === target.label) throw new TenantMoveError(id, `it already lives in ${target.label}`);
  const [exists] = await control.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, id)).limit(1);
  if (!exists) throw new TenantMoveError(id, 'no such tenant');
  const encryptedUrl = target.url === null ? null : encryptUrl(keyRing, id, target.url);
  const tables = tenantDataTables();
  const on = <T>(side: Side, work: (db: Executor, handle?: DatabaseHandle) => Promise<T>) =>
    onSide(control, side, work);

  log(`moving tenant ${id} from ${from.label} to ${target.label}`);
  await on(target, async (db, handle) => {
    if (handle && target.url) await prepareTenantDatabase(target.url, handle);
    if (target.url) await anchorTenant(control, db, id);
    await asMover(db, async (tx) => {
      for (const declared of [...tables].reverse()) await deleteRows(tx, declared, id);
      await tx.delete(tenantFences).where(eq(tenantFences.tenantId, id));
    });
  });
  await on(from, (db) => attachWriteGuard(db, tables));

  const rows: Record<string, number> = {};
  for (const declared of tables) {
    const copied = await on(from, (db) => readRows(db, declared, id));
    await on(target, (db) => asMover(db, (tx) => insertRows(tx, declared, copied, chunkSize)));
    log(`  ${tableName(declared.table)}: ${copied.length} rows copied`);
  }
  // Catch-up passes without the lock, until few rows changed since the last one: the locked pass then has only
  // the last moments' writes to copy. `known` is the target's content as last verified (only the mover writes
  // there until the switch), so a pass reads the source in full and the target only where it wrote.
  const known = new Map<TenantDataTable, Map<string, string>>();
  for (let round = 1; round <= CATCH_UP_ROUNDS; round++) {
    let touched = 0;
    // One snapshot per pass (repeatable read): the hashes and the rows read after them agree. Not for the locked
    // pass: its snapshot would predate the writes it waited for.
    await on(from, (db) =>
      db.transaction(
        async (tx) => {
          for (const declared of tables) touched += await catchUp(tx, declared);
        },
        { isolationLevel: 'repeatable read' },
      ),
    );
    if (touched <= SMALL_DELTA) break;
  }
  const copyMs = performance.now() - started;

  /** Makes the target's rows equal to the source's as read in `tx`, verified; returns how many rows it rewrote. */
  async function catchUp(tx: Executor, declared: TenantDataTable): Promise<number> {
    const source = await rowHashes(tx, declared, id);
    const copy = known.get(declared) ?? (await on(target, (db) => db.transaction((t) => rowHashes(t, declared, id))));
    const changed = [...source.keys()].filter((key) => copy.get(key) !== source.get(key));
    const gone = [...copy.keys()].filter((key) => !source.has(key));
    const touched = [...changed, ...gone];
    if (touched.length > 0) {
      const fresh = await readRows(tx, declared, id, changed);
      await on(target, (db) =>
        asMover(db, async (t) => {
          await deleteRows(t, declared, id, touched);
          await insertRows(t, declared, fresh, chunkSize);
        }),
      );
      const rewritten = await on(target, (db) => db.transaction((t) => rowHashes(t, declared, id, touched)));
      for (const key of touched) copy.delete(key);
      for (const [key, hash] of rewritten) copy.set(key, hash);
    }
    if (digestOf(copy) !== digestOf(source)) {
      throw new TenantMoveError(id, `the copy of ${tableName(declared.table)} differs from its source`);
    }
    known.set(declared, copy);
    rows[tableName(declared.table)] = source.size;
    return touched.length;
  }

  let pauseMs = 0;
  let recopied = 0;
  await on(from, (db) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('database.tenant_move'), hashtext(${id}))`);
      const lockedAt = performance.now();
      for (const declared of tables) recopied += await catchUp(tx, declared);
      await tx.insert(tenantFences).values({ tenantId: id }).onConflictDoNothing();
      // The placement lives in the shared database: in this transaction when the tenant leaves it.
      await runWithExecutor(from.url === null ? tx : control, async () => {
        if (encryptedUrl === null) await TenantDatabaseQueries.unplace(id);
        else await TenantDatabaseQueries.place(id, { encryptedUrl, keyId: keyRing!.primaryKeyId });
      });
      pauseMs = performance.now() - lockedAt;
    }),
  );
  tenantRouter()?.invalidate(id);
  log(`  switched; writes paused ${pauseMs.toFixed(0)} ms`);

  await sleep(options.graceMs ?? 2_000);
  await on(from, (db) =>
    asMover(db, async (tx) => {
      for (const declared of [...tables].reverse()) await deleteRows(tx, declared, id);
      if (from.url !== null) await tx.delete(tenants).where(eq(tenants.id, id));
    }),
  );
  log(`  source rows deleted`);
  return {
    tenantId: id,
    from: from.label,
    to: target.label,
    rows,
    recopied,
    copyMs,
    pauseMs,
    totalMs: performance.now() - started,
  };
}

function sideOf(url: string | null): Side {
  return { url, label: url === null ? SHARED : databaseKey(url) };
}

function onSide<T>(
  control: Executor,
  side: Side,
  work: (db: Executor, handle?: DatabaseHandle) => Promise<T>,
): Promise<T> {
  if (side.url === null) return work(control);
  return useDatabaseAt(side.url, (handle) => work(handle.db, handle));
}

/** A transaction in which the write guard lets the mover write the tenant's rows (and only in it). */
async function asMover<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('database.tenant_move', 'on', true)`);
    const result = await work(tx);
    // A savepoint (the tests' rolled-back transaction) keeps a local setting until the outer transaction ends.
    await tx.execute(sql`select set_config('database.tenant_move', 'off', true)`);
    return result;
  });
}

/** From the first move on, every write of a tenant's row in this database checks the tenant's lock and fence. */
async function attachWriteGuard(db: Executor, tables: readonly TenantDataTable[]): Promise<void> {
  for (const declared of tables) {
    const table = tableName(declared.table);
    await db.execute(
      sql`create or replace trigger ${sql.identifier(`${table}_tenant_write_guard`)} before insert or update or delete on ${sql.identifier(table)} for each row execute function private.tenant_write_guard()`,
    );
  }
}
