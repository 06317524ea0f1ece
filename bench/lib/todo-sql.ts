// The raw baselines' SQL, written by hand to be the statement Drizzle generates for the query object (the
// `nulls last` matches the index; see newestFirst in src/queries/_lib/keyset.ts).

export const TODO_COLUMNS =
  'id, tenant_id, user_id, title, description, completed, due_at, created_at, updated_at, deleted_at';

export const FIND_LIVE_BY_ID_SQL = `select ${TODO_COLUMNS} from todos where id = $1 and tenant_id = $2 and deleted_at is null limit 1`;

export const LIST_PAGE_SQL =
  `select ${TODO_COLUMNS} from todos where tenant_id = $1 and deleted_at is null and completed = $2 ` +
  'order by created_at desc nulls last, id desc nulls last limit $3';

/** Cycles through `ids` so repeated reads do not hit one row only. */
export function cycle<T>(values: readonly T[]): () => T {
  let i = 0;
  return () => values[i++ % values.length]!;
}
