import { performance } from 'node:perf_hooks';

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

type AnyFn = (...args: unknown[]) => unknown;

/**
 * Wraps a postgres.js `sql` instance so every `unsafe()` call (what Drizzle uses) is logged with its duration.
 * Transactions and savepoints hand out a new `sql`, which is wrapped the same way.
 */
export function withPostgresQueryLog<T extends object>(sql: T, options: QueryLogOptions): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as AnyFn;
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], queryOptions?: unknown) => {
          const started = performance.now();
          const pending = fn.call(target, query, params, queryOptions) as PromiseLike<unknown>;
          // postgres.js dispatches after a microtask, so Drizzle's synchronous `.values()` still applies.
          pending.then(
            () => logQuery(options, query, params, started, false),
            () => logQuery(options, query, params, started, true),
          );
          return pending;
        };
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.at(-1) as AnyFn;
          const wrapped = (inner: object) => callback(withPostgresQueryLog(inner, options));
          return fn.call(target, ...args.slice(0, -1), wrapped);
        };
      }
      return fn.bind(target);
    },
  });
}

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
