import type { Transaction } from '../../src/client/types.js';
import { withTransaction } from '../../src/client/executor.js';
import { driverError } from '../../src/errors/sqlstate.js';

/**
 * Runs a statement that must fail in a savepoint (so the test's transaction stays usable) and returns
 * "<constraint> <message>" of the driver's error: Drizzle's own message only repeats the query.
 */
export async function rejection(statement: (tx: Transaction) => Promise<unknown>): Promise<string> {
  try {
    await withTransaction(statement);
  } catch (error) {
    const pg = driverError(error) as { constraint_name?: string; constraint?: string; message?: string } | undefined;
    if (!pg) throw error;
    return `${pg.constraint_name ?? pg.constraint ?? '-'} ${pg.message ?? ''}`;
  }
  throw new Error('expected the statement to fail');
}
