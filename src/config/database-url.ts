import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a connection string points: a PostgreSQL server, or an embedded PGlite database. */
export type DatabaseTarget =
  { kind: 'postgres'; url: string; pooler: boolean } | { kind: 'pglite'; dataDir: string | null };

/** The package root, so the embedded default lands in this package whatever the caller's cwd is. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultPgliteDir = path.join(packageRoot, '.data', 'pglite');

const PGLITE_PREFIX = 'pglite://';

export function isDatabaseUrl(raw: string): boolean {
  if (raw.startsWith(PGLITE_PREFIX)) return raw.length > PGLITE_PREFIX.length;
  try {
    const url = new URL(raw);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * `undefined` means the embedded default. `pglite://memory` is a throwaway in-memory database;
 * `pglite://<dir>` persists under `<dir>` (relative to the current directory).
 */
export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  if (raw === undefined) return { kind: 'pglite', dataDir: defaultPgliteDir };
  if (raw.startsWith(PGLITE_PREFIX)) {
    const location = raw.slice(PGLITE_PREFIX.length);
    return { kind: 'pglite', dataDir: location === 'memory' ? null : path.resolve(location) };
  }
  if (!isDatabaseUrl(raw)) throw new TypeError('not a postgres:// or pglite:// URL');
  return { kind: 'postgres', url: raw, pooler: isTransactionPooler(raw) };
}

/** Supabase's transaction pooler listens on 6543; PgBouncer URLs conventionally carry `pgbouncer=true`. */
export function isTransactionPooler(raw: string): boolean {
  const url = new URL(raw);
  return url.port === '6543' || url.searchParams.get('pgbouncer') === 'true';
}

/** A URL safe to print: the password is replaced and the query string dropped. */
export function redactUrl(raw: string): string {
  if (raw.startsWith(PGLITE_PREFIX)) return raw;
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    url.search = '';
    return url.toString();
  } catch {
    return '<unparseable database URL>';
  }
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
