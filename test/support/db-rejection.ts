import { driverError } from '../../src/queries/_lib/database-errors.ts';

/**
 * Awaits a statement that must fail and returns "<constraint> <message>" of the driver's error: Drizzle's own
 * message only repeats the query, so constraint tests match on this instead.
 */
export async function rejection(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const pg = driverError(error) as { constraint_name?: string; constraint?: string; message?: string } | undefined;
    if (!pg) throw error;
    return `${pg.constraint_name ?? pg.constraint ?? '-'} ${pg.message ?? ''}`;
  }
  throw new Error('expected the statement to fail');
}
