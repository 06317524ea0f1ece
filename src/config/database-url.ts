import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A PostgreSQL server, parsed once: `url` as given, `connectionUrl` what the driver dials (without our
 * `pgbouncer=true` marker), `pooler` whether a transaction pooler sits in front, `redacted` what may be printed.
 */
export interface PostgresTarget {
  kind: 'postgres';
  url: string;
  connectionUrl: string;
  pooler: boolean;
  redacted: string;
}

/** Where a connection string points: a PostgreSQL server, or an embedded PGlite database. */
export type DatabaseTarget = PostgresTarget | { kind: 'pglite'; dataDir: string | null };

/** The package root, so the embedded default lands in this package whatever the caller's cwd is. Not spelled
 * `new URL('../../', import.meta.url)`: webpack (next build --webpack) reads that as an asset import and fails. */
export const packageRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../');
export const defaultPgliteDir = path.join(packageRoot, '.data', 'pglite');

const PGLITE_PREFIX = 'pglite://';

export function isDatabaseUrl(raw: string): boolean {
  return tryParseDatabaseUrl(raw) !== undefined;
}

/**
 * `undefined` means the embedded default. `pglite://memory` is a throwaway in-memory database;
 * `pglite://<dir>` persists under `<dir>` (relative to the current directory).
 */
export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  if (raw === undefined) return { kind: 'pglite', dataDir: defaultPgliteDir };
  const target = tryParseDatabaseUrl(raw);
  if (!target) throw new TypeError('not a postgres:// or pglite:// URL');
  return target;
}

/** The one parse of a connection string (env validation and the client share its result); `undefined` if invalid. */
export function tryParseDatabaseUrl(raw: string): DatabaseTarget | undefined {
  if (raw.startsWith(PGLITE_PREFIX)) {
    const location = raw.slice(PGLITE_PREFIX.length);
    if (location === '') return undefined;
    return { kind: 'pglite', dataDir: location === 'memory' ? null : path.resolve(location) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') || url.hostname === '') return undefined;
  const pooler = poolerIn(url);
  // `pgbouncer=true` is a marker for us (and Prisma), not a server setting: postgres.js would send it as a startup
  // parameter, and PostgreSQL rejects it (42704 unrecognized configuration parameter).
  const connection = new URL(url);
  connection.searchParams.delete('pgbouncer');
  const connectionUrl = url.searchParams.has('pgbouncer') ? connection.toString() : raw;
  return { kind: 'postgres', url: raw, connectionUrl, pooler, redacted: redact(url) };
}

/** Supabase's transaction pooler listens on 6543; PgBouncer URLs conventionally carry `pgbouncer=true`. */
const poolerIn = (url: URL) => url.port === '6543' || url.searchParams.get('pgbouncer') === 'true';

/** A URL safe to print: the password is replaced and the query string dropped. */
export function redactUrl(raw: string): string {
  if (raw.startsWith(PGLITE_PREFIX)) return raw;
  try {
    return redact(new URL(raw));
  } catch {
    return '<unparseable database URL>';
  }
}

function redact(parsed: URL): string {
  const url = new URL(parsed);
  if (url.password) url.password = '***';
  url.search = '';
  return url.toString();
}

/** Two URLs name the same database when host, port, database name and user agree. */
export function sameDatabase(a: string, b: string): boolean {
  if (a.startsWith(PGLITE_PREFIX) || b.startsWith(PGLITE_PREFIX)) return a === b;
  try {
    const [x, y] = [new URL(a), new URL(b)];
    const key = (u: URL) => [u.hostname.toLowerCase(), u.port || '5432', u.pathname, u.username].join('|');
    return key(x) === key(y);
  } catch {
    return a === b;
  }
}
