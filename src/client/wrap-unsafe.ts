type AnyFn = (...args: unknown[]) => unknown;

export type UnsafeFn = (query: string, params?: unknown[], options?: Record<string, unknown>) => unknown;

/**
 * A postgres.js `sql` whose `unsafe()` (the only call Drizzle makes to run a query) goes through `around`.
 * Transactions and savepoints hand out a new `sql`, which is wrapped the same way.
 */
export function wrapUnsafe<T extends object>(sql: T, around: (unsafe: UnsafeFn) => UnsafeFn): T {
  // Drizzle reads `client.unsafe` on every query: wrap it once per client, not once per read.
  let unsafe: { fn: AnyFn; wrapped: UnsafeFn } | undefined;
  return new Proxy(sql, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const fn = value as AnyFn;
      if (property === 'unsafe') {
        if (unsafe?.fn !== fn) {
          unsafe = { fn, wrapped: around((query, params, options) => fn.call(target, query, params, options)) };
        }
        return unsafe.wrapped;
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.at(-1) as AnyFn;
          return fn.call(target, ...args.slice(0, -1), (inner: object) => callback(wrapUnsafe(inner, around)));
        };
      }
      return fn.bind(target);
    },
  });
}
