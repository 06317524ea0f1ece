import type { Transaction } from '../../client/types.js';
import { withTransaction } from '../../client/executor.js';
import { toDatabaseError } from '../../errors/sqlstate.js';

/**
 * Several writes that must land together (a tenant and its owner, an accepted invite and its membership): one
 * transaction (a savepoint inside the caller's), driver errors mapped like `write()` does.
 */
export async function atomically<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await withTransaction(fn);
  } catch (error) {
    throw toDatabaseError(error);
  }
}
