import { wrapUnsafe } from './wrap-unsafe.ts';

/**
 * Drizzle hands postgres.js every query built per call with `prepare: false` (only `.prepare()`d queries get `true`),
 * so the server parses and plans it again on every call. postgres.js keeps one named statement per connection and SQL
 * text, as it does for its own `sql` tag: this asks for that on every parameterized query. Only for a client that
 * prepares at all (off behind a transaction pooler, where a statement would not outlive the transaction).
 */
export function withStatementReuse<T extends object>(sql: T): T {
  return wrapUnsafe(
    sql,
    (unsafe) => (query, params, options) =>
      unsafe(query, params, params?.length ? { ...options, prepare: true } : options),
  );
}
