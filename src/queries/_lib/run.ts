import type { Executor } from '../../client/types.js';
import { currentExecutor, isTransaction, primaryOf, runWithExecutor } from '../../client/executor.js';
import { toDatabaseError } from '../../errors/sqlstate.js';

/** Run a read on the current executor, mapping driver errors. */
export async function read<T>(fn: (db: Executor) => Promise<T>): Promise<T> {
  try {
    return await fn(currentExecutor());
  } catch (error) {
    throw toDatabaseError(error);
  }
}

/**
 * Run a write on the current executor's primary (with read replicas, the selects a write makes must see the
 * primary's rows). Inside a transaction it gets a savepoint, so a constraint violation the caller catches (a
 * ConflictError, say) does not leave the caller's transaction aborted.
 */
export async function write<T>(fn: (db: Executor) => Promise<T>): Promise<T> {
  const executor = primaryOf(currentExecutor());
  try {
    if (!isTransaction(executor)) return await runWithExecutor(executor, () => fn(executor));
    return await executor.transaction((savepoint) => runWithExecutor(savepoint, () => fn(savepoint)));
  } catch (error) {
    throw toDatabaseError(error);
  }
}
