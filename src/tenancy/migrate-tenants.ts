import { performance } from 'node:perf_hooks';
import { runWithExecutor } from '../client/executor.js';
import { createDatabase } from '../client/create-database.js';
import type { PgliteHandle } from '../client/pglite.js';
import { parseDatabaseUrl, type DatabaseTarget } from '../config/database-url.js';
import { DatabaseError } from '../errors/classes.js';
import { PlacementKeyError } from '../errors/tenancy.js';
import {
  pgliteMigrationConnection,
  postgresMigrationConnection,
  withMigrationConnection,
} from '../migrate/connection.js';
import { defaultMigrationsFolder, readMigrationFiles, type MigrationFile } from '../migrate/migration-files.js';
import { runMigrations, type MigrationReport } from '../migrate/run-migrations.js';
import { TenantDatabaseQueries, type SealedPlacement } from '../queries/tenant/tenant-database.js';
import { decryptUrl, type KeyRing } from './encryption.js';
import { dropControlReferences } from './prepare-database.js';
import { databaseKey, useDatabaseAt } from './router.js';

// `pnpm db:migrate` for the database-per-tenant topology (docs/tenant-databases.md#migrations): the control database
// first (its failure stops the run), then every distinct placed database, a few at a time. A database that fails is
// reported and the others go on. Each one is migrated under the runner's own lock (the advisory lock; PGlite: the
// directory lock), so a second runner waits or fails rather than racing. Nothing printed or returned holds a URL:
// databases are named by `databaseKey(url)` and their tenants.

export const DEFAULT_MIGRATE_CONCURRENCY = 4;

export interface MigrateTenantDatabasesOptions {
  /** The control database's URL (the direct one); `undefined` is the embedded default. */
  control: string | undefined;
  /** Decrypts the placements; without one every placed tenant fails with `missing_key_ring`. */
  keyRing: KeyRing | undefined;
  /** Tenant databases migrating at once (default 4). */
  concurrency?: number;
  log?: (line: string) => void;
  migrationsFolder?: string;
  connectTimeoutSeconds?: number;
}

export interface TenantDatabaseOutcome {
  /** `databaseKey(url)`; undefined when the URL could not be decrypted. */
  key: string | undefined;
  /** The placed tenants on this database (one when its URL could not be decrypted). */
  tenantIds: string[];
  status: 'migrated' | 'current' | 'failed';
  /** Tags of the migrations applied by this run. */
  applied: string[];
  ms: number;
  /** Why it failed, with any URL or password replaced by the key. */
  error?: string;
}

export interface TenantMigrationReport {
  control: MigrationReport;
  databases: TenantDatabaseOutcome[];
  migrated: number;
  current: number;
  failed: TenantDatabaseOutcome[];
}

interface PlacedDatabase {
  url: string;
  target: DatabaseTarget;
  key: string;
  tenantIds: string[];
}

/** Migrates the control database, then each placed tenant database; returns what happened to each. */
export async function migrateTenantDatabases(options: MigrateTenantDatabasesOptions): Promise<TenantMigrationReport> {
  const log = options.log ?? console.log;
  const files = readMigrationFiles(options.migrationsFolder ?? defaultMigrationsFolder);
  const control = await withMigrationConnection({ url: options.control, ...timeout(options) }, (connection) =>
    runMigrations(connection, files, log),
  );
  const { databases, unreadable } = group(await readPlacements(options.control), options);
  const total = databases.length + unreadable.length;
  if (total > 0)
    log(`Tenant databases: ${databases.length} distinct, ${placementsOf(databases, unreadable)} placed tenant(s).`);

  const outcomes: TenantDatabaseOutcome[] = [];
  const report = (outcome: TenantDatabaseOutcome) => {
    outcomes.push(outcome);
    log(`[${outcomes.length}/${total}] ${progressLine(outcome)}`);
  };
  unreadable.forEach(report);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_MIGRATE_CONCURRENCY));
  const queue = [...databases];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) report(await migrateOne(next, files, options));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));

  const failed = outcomes.filter((o) => o.status === 'failed');
  const result: TenantMigrationReport = {
    control,
    databases: outcomes,
    migrated: outcomes.filter((o) => o.status === 'migrated').length,
    current: outcomes.filter((o) => o.status === 'current').length,
    failed,
  };
  log(summaryLine(result));
  return result;
}

/** `migrated N, already current M, failed K`, and the failed databases by key and tenants. */
export function summaryLine(report: TenantMigrationReport): string {
  const counts = `migrated ${report.migrated}, already current ${report.current}, failed ${report.failed.length}`;
  if (report.databases.length === 0) return 'Tenant databases: none placed.';
  if (report.failed.length === 0) return `Tenant databases: ${counts}.`;
  return `Tenant databases: ${counts}: ${report.failed.map(nameOf).join('; ')}.`;
}

async function readPlacements(control: string | undefined): Promise<SealedPlacement[]> {
  const handle = createDatabase({ url: control, poolMax: 1 });
  try {
    return await runWithExecutor(handle.db, () => TenantDatabaseQueries.listSealed());
  } finally {
    await handle.close();
  }
}

/** One entry per distinct database (tenants sharing one are migrated once); tenants whose URL is unreadable apart. */
function group(placements: SealedPlacement[], options: MigrateTenantDatabasesOptions) {
  const controlIdentity = identity(parseDatabaseUrl(options.control));
  const byIdentity = new Map<string, PlacedDatabase>();
  const unreadable: TenantDatabaseOutcome[] = [];
  for (const placement of placements) {
    const { tenantId } = placement;
    let url: string;
    let target: DatabaseTarget;
    try {
      url = decryptUrl(options.keyRing, tenantId, placement.encryptedUrl);
      target = parseDatabaseUrl(url);
    } catch (error) {
      // PlacementKeyError names the tenant and key id only; a URL that decrypts but does not parse is not echoed.
      const reason =
        error instanceof PlacementKeyError
          ? error.message
          : `The database URL of tenant ${tenantId} decrypts to no postgres:// or pglite:// URL.`;
      unreadable.push(failure(undefined, [tenantId], reason));
      continue;
    }
    const id = identity(target);
    if (id === controlIdentity) {
      unreadable.push(failure(databaseKey(url), [tenantId], 'placed on the control database itself'));
      continue;
    }
    const known = byIdentity.get(id);
    if (known) known.tenantIds.push(tenantId);
    else byIdentity.set(id, { url, target, key: databaseKey(url), tenantIds: [tenantId] });
  }
  return { databases: [...byIdentity.values()], unreadable };
}

/** What makes two URLs one database: the PGlite directory, or server, port, database and user. */
function identity(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `pglite:${target.dataDir ?? 'memory'}`;
  const url = new URL(target.connectionUrl);
  return ['postgres', url.hostname.toLowerCase(), url.port || '5432', url.pathname, url.username].join('|');
}

async function migrateOne(
  database: PlacedDatabase,
  files: MigrationFile[],
  options: MigrateTenantDatabasesOptions,
): Promise<TenantDatabaseOutcome> {
  const { target, key, tenantIds } = database;
  const started = performance.now();
  try {
    let migration: MigrationReport;
    if (target.kind === 'postgres') {
      const connection = postgresMigrationConnection(target, options.connectTimeoutSeconds);
      try {
        migration = await runMigrations(connection, files, () => {});
      } finally {
        await connection.close();
      }
      await useDatabaseAt(database.url, (handle) => dropControlReferences(handle.db));
    } else {
      // One handle for both steps: a PGlite directory is opened once per process (and locked to it).
      migration = await useDatabaseAt(database.url, async (handle) => {
        const connection = pgliteMigrationConnection((handle as PgliteHandle).client, key);
        const report = await runMigrations(connection, files, () => {});
        await dropControlReferences(handle.db);
        return report;
      });
    }
    const applied = migration.applied.map((m) => m.tag);
    const status = applied.length > 0 ? 'migrated' : 'current';
    return { key, tenantIds, status, applied, ms: performance.now() - started };
  } catch (error) {
    return failure(key, tenantIds, scrub(error, database), performance.now() - started);
  }
}

function failure(key: string | undefined, tenantIds: string[], error: string, ms = 0): TenantDatabaseOutcome {
  return { key, tenantIds, status: 'failed', applied: [], ms, error };
}

const timeout = (options: MigrateTenantDatabasesOptions) =>
  options.connectTimeoutSeconds === undefined ? {} : { connectTimeoutSeconds: options.connectTimeoutSeconds };

/** The error's message with the URL, its password and the PGlite directory replaced by the database's key. */
function scrub(error: unknown, database: PlacedDatabase): string {
  const e = error as { message?: unknown; code?: unknown };
  let message = typeof e.message === 'string' ? e.message : String(error);
  // A driver's code (ECONNREFUSED, 28P01) says what went wrong; this package's own errors say it in the message.
  if (typeof e.code === 'string' && !(error instanceof DatabaseError) && !message.includes(e.code)) {
    message += ` (${e.code})`;
  }
  const secrets = [database.url];
  if (database.target.kind === 'pglite') secrets.push(database.target.dataDir ?? '');
  else {
    const { password } = new URL(database.target.connectionUrl);
    secrets.push(database.target.connectionUrl, password, safeDecode(password));
  }
  for (const secret of secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    message = message.replaceAll(secret, database.key);
  }
  return message;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function placementsOf(databases: PlacedDatabase[], unreadable: TenantDatabaseOutcome[]): number {
  return databases.reduce((sum, d) => sum + d.tenantIds.length, unreadable.length);
}

function nameOf(outcome: TenantDatabaseOutcome): string {
  const shown = outcome.tenantIds.slice(0, 5).join(', ');
  const more = outcome.tenantIds.length > 5 ? ` and ${outcome.tenantIds.length - 5} more` : '';
  return `${outcome.key ?? 'unreadable URL'} (tenant${outcome.tenantIds.length === 1 ? '' : 's'} ${shown}${more})`;
}

function progressLine(outcome: TenantDatabaseOutcome): string {
  const tenants = `${outcome.tenantIds.length} tenant${outcome.tenantIds.length === 1 ? '' : 's'}`;
  const name = outcome.key ? `${outcome.key} (${tenants})` : `tenant ${outcome.tenantIds[0]}`;
  if (outcome.status === 'failed') return `✗ ${name}: ${outcome.error}`;
  const ms = `${outcome.ms.toFixed(0)} ms`;
  if (outcome.status === 'current') return `= ${name}: already current (${ms})`;
  return `✓ ${name}: applied ${outcome.applied.join(', ')} (${ms})`;
}
