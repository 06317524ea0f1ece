import { NotFoundError } from '../../errors/classes.js';

/**
 * The one not-found rule: `row`, or a `NotFoundError` naming `entity` and `key` (`id=…`, `userId=…`, `pending id=…`:
 * the key the caller looked up, as they passed it).
 */
export function orNotFound<T>(row: T | null | undefined, entity: string, key: string): T {
  if (row === null || row === undefined) throw new NotFoundError(entity, key);
  return row;
}

/**
 * `getById` built from the query object's own `findById` (its SQL, its scope arguments): the same call, but a
 * missing row is a `NotFoundError` keyed `id=<id>`.
 */
export function getByIdFrom<TArgs extends unknown[], TRow>(
  entity: string,
  findById: (id: string, ...rest: TArgs) => Promise<TRow | null>,
): (id: string, ...rest: TArgs) => Promise<TRow> {
  return async (id, ...rest) => orNotFound(await findById(id, ...rest), entity, `id=${id}`);
}
