import { withTransaction } from '../../src/client/executor.js';
import { driverError } from '../../src/errors/sqlstate.js';

export interface Violation {
  code: string;
  constraint: string | undefined;
}

/**
 * Runs a statement that must fail (in a savepoint, so the test's transaction survives) and returns the driver's
 * SQLSTATE and constraint name. Drizzle wraps the driver error, so matching its message would only see the SQL.
 */
export async function violation(statement: () => Promise<unknown>): Promise<Violation> {
  const outcome = await withTransaction(() => statement()).then(
    () => ({ failed: false as const }),
    (error: unknown) => ({ failed: true as const, error }),
  );
  if (!outcome.failed) throw new Error('expected the statement to fail, it succeeded');
  const pg = driverError(outcome.error);
  if (!pg) throw outcome.error;
  return { code: pg.code, constraint: pg.constraint_name ?? pg.constraint };
}
