import { types, type PGlite, type Results, type Transaction } from '@electric-sql/pglite';

// drizzle-orm/pglite hands PGlite these parsers with every query, so its column mappers see the text PostgreSQL
// sent; PGlite then copies its whole ~330-entry parser table per query to merge them in. Set once on the instance
// instead, Drizzle reads the same values without the copy.
const AS_TEXT = (value: string) => value;
const NUMERIC_ARRAY = 1231;
const TIMESTAMP_ARRAY = 1115;
const TIMESTAMPTZ_ARRAY = 1185;
const INTERVAL_ARRAY = 1187;
const DATE_ARRAY = 1182;

export const DRIZZLE_PARSERS = {
  [types.TIMESTAMP]: AS_TEXT,
  [types.TIMESTAMPTZ]: AS_TEXT,
  [types.INTERVAL]: AS_TEXT,
  [types.DATE]: AS_TEXT,
  [NUMERIC_ARRAY]: AS_TEXT,
  [TIMESTAMP_ARRAY]: AS_TEXT,
  [TIMESTAMPTZ_ARRAY]: AS_TEXT,
  [INTERVAL_ARRAY]: AS_TEXT,
  [DATE_ARRAY]: AS_TEXT,
} as const;

/**
 * Gives `client` Drizzle's parsers as its own. PGlite fills its array parsers while it starts (after the
 * constructor's `parsers` are merged), so they are set again once it is ready; the reaction is registered before
 * any query can wait on `waitReady`, so no query runs with the defaults.
 */
export function useDrizzleParsers(client: PGlite): void {
  Object.assign(client.parsers, DRIZZLE_PARSERS);
  client.waitReady.then(
    () => Object.assign(client.parsers, DRIZZLE_PARSERS),
    () => {},
  );
}

interface QueryOptions {
  rowMode?: 'array' | 'object';
}
type Queryable = Pick<PGlite | Transaction, 'query'>;

const ROW_MODES = { array: { rowMode: 'array' }, object: { rowMode: 'object' } } as const;

function query(client: Queryable) {
  return (text: string, params?: unknown[], options?: QueryOptions): Promise<Results<unknown>> =>
    client.query(text, params, options?.rowMode ? ROW_MODES[options.rowMode] : undefined);
}

/**
 * What drizzle-orm/pglite calls on its client (`query`, `transaction`), minus the per-query `parsers` option; the
 * instance must carry them (`useDrizzleParsers`).
 */
export function withoutPerQueryParsers(client: PGlite): PGlite {
  const wrapper = {
    query: query(client),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) =>
      client.transaction((tx) => callback(Object.create(tx, { query: { value: query(tx) } }) as Transaction)),
  };
  return wrapper as unknown as PGlite;
}
