import type { Executor } from '../../client/types.js';
import { withDirectExecute } from './direct-execute.js';
import { withColumnRowMapper } from './row-mapper.js';

/**
 * A Drizzle prepared query per executor. Building a query costs more than running it on a warm connection
 * (measured: 0.37× raw postgres.js built per call, ~0.97× prepared), and a prepared query is bound to the
 * executor it came from, so each database or transaction gets its own, forgotten with it (WeakMap).
 */
export function preparedPerExecutor<P>(build: (db: Executor) => P): (db: Executor) => P {
  const cache = new WeakMap<Executor, P>();
  return (db) => {
    let prepared = cache.get(db);
    if (prepared === undefined) {
      prepared = withDirectExecute(withColumnRowMapper(build(db)));
      cache.set(db, prepared);
    }
    return prepared;
  };
}

/**
 * `preparedPerExecutor` for a query with optional parts (a list's filters, its cursor): one prepared query per shape
 * (which parts are present) and executor, values as placeholders. `shapeKey` must name every part `build` reads.
 */
export function preparedPerShape<S, P>(
  shapeKey: (shape: S) => string,
  build: (shape: S, key: string) => (db: Executor) => P,
) {
  const shapes = new Map<string, (db: Executor) => P>();
  return (shape: S, db: Executor): P => {
    const key = shapeKey(shape);
    let perExecutor = shapes.get(key);
    if (perExecutor === undefined) {
      perExecutor = preparedPerExecutor(build(shape, key));
      shapes.set(key, perExecutor);
    }
    return perExecutor(db);
  };
}

/** The shape of a write's values: per column, left out (0), a value (1) or null (2), which is part of the statement. */
export function columnSetKey(columns: readonly string[], values: Record<string, unknown>): string {
  return columns.map((name) => (!(name in values) ? 0 : values[name] === null ? 2 : 1)).join('');
}
