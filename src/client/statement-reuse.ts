import { wrapUnsafe } from './wrap-unsafe.js';

export const DEFAULT_MAX_PREPARED_STATEMENTS = 500;

/**
 * Drizzle hands postgres.js every query built per call with `prepare: false` (only `.prepare()`d queries get `true`),
 * so the server parses and plans it again on every call. postgres.js keeps one named statement per connection and SQL
 * text, as it does for its own `sql` tag: this asks for that on every parameterized query, for the first
 * `maxStatements` distinct texts (postgres.js never evicts one, so an unbounded stream of shapes, `IN` lists of every
 * length say, would grow every connection). Only for a client that prepares at all: not behind a transaction pooler.
 */
export function withStatementReuse<T extends object>(sql: T, maxStatements = DEFAULT_MAX_PREPARED_STATEMENTS): T {
  const named = new Set<string>();
  return wrapUnsafe(sql, (unsafe) => (query, params, options) => {
    // A `.prepare()`d query asks for its statement itself (Drizzle passes prepare: true).
    if (!params?.length || options?.prepare === true) return unsafe(query, params, options);
    if (!named.has(query)) {
      if (named.size >= maxStatements) return unsafe(query, params, options);
      named.add(query);
    }
    return unsafe(query, params, { ...options, prepare: true });
  });
}
