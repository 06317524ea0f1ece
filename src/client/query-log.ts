import { performance } from 'node:perf_hooks';
import { wrapUnsafe } from './wrap-unsafe.js';

export interface QueryLogOptions {
  logParams: boolean;
  /** Which pool ran the query, e.g. `db` or `db:replica1`; printed as the line's `[tag]`. Default `db`. */
  tag?: string;
  log: (line: string) => void;
}

// Drizzle's Logger sees a query before it runs and never after, so timings come from wrapping the driver call.

function describeParams(params: unknown, options: QueryLogOptions): string {
  const list = Array.isArray(params) ? params : [];
  if (list.length === 0) return '';
  if (!options.logParams) return ` -- ${list.length} param${list.length === 1 ? '' : 's'} (redacted)`;
  return ` -- params: ${JSON.stringify(list)}`;
}

function compact(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}

export function logQuery(options: QueryLogOptions, query: unknown, params: unknown, started: number, failed: boolean) {
  const ms = (performance.now() - started).toFixed(1);
  const text = typeof query === 'string' ? compact(query) : '<query>';
  options.log(`[${options.tag ?? 'db'}] ${ms} ms${failed ? ' FAILED' : ''}  ${text}${describeParams(params, options)}`);
}

/** Wraps a postgres.js `sql` instance so every query Drizzle runs on it is logged with its duration. */
export function withPostgresQueryLog<T extends object>(sql: T, options: QueryLogOptions): T {
  return wrapUnsafe(sql, (unsafe) => (query, params, queryOptions) => {
    const started = performance.now();
    const pending = unsafe(query, params, queryOptions) as PromiseLike<unknown>;
    // postgres.js dispatches after a microtask, so Drizzle's synchronous `.values()` still applies.
    pending.then(
      () => logQuery(options, query, params, started, false),
      () => logQuery(options, query, params, started, true),
    );
    return pending;
  });
}

type AnyFn = (...args: unknown[]) => unknown;

/** The same for a PGlite instance (or the transaction object it passes to `transaction()`). */
export function withPgliteQueryLog<T extends object>(client: T, options: QueryLogOptions): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as AnyFn;
      if (property === 'query' || property === 'exec') {
        return async (query: string, params?: unknown[], queryOptions?: unknown) => {
          const started = performance.now();
          try {
            const result = await fn.call(target, query, params, queryOptions);
            logQuery(options, query, params, started, false);
            return result;
          } catch (error) {
            logQuery(options, query, params, started, true);
            throw error;
          }
        };
      }
      if (property === 'transaction') {
        return (callback: AnyFn) => fn.call(target, (tx: object) => callback(withPgliteQueryLog(tx, options)));
      }
      return fn.bind(target);
    },
  });
}
