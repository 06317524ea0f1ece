import type { Executor } from '../../client/types.js';
import { write } from '../_lib/run.js';

export const PRUNE_BATCH_SIZE = 1000;

/**
 * Deletes in batches of `batchSize` rows, each its own statement (its own commit outside a transaction), so pruning
 * a large backlog never holds locks on it all at once. `deleteBatch` deletes at most `limit` rows and returns them.
 */
export async function deleteInBatches(
  deleteBatch: (db: Executor, limit: number) => Promise<readonly unknown[]>,
  batchSize = PRUNE_BATCH_SIZE,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = (await write((db) => deleteBatch(db, batchSize))).length;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
