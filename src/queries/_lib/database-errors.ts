import { CheckViolationError, ConflictError, DatabaseError, ForbiddenError, ForeignKeyError } from '../../errors.ts';

interface DriverError {
  code: string;
  message?: string;
  /** postgres.js */
  constraint_name?: string;
  /** PGlite (pg-protocol) */
  constraint?: string;
}

/** Drizzle wraps driver errors (with the parameters in its message); find the driver's own error in the chain. */
export function driverError(error: unknown): DriverError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return current as DriverError;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns what a caller can cause into typed errors. The message never includes parameter values; the driver error
 * stays available as `cause` for logs you control.
 */
export function toDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseError) return error;
  const pg = driverError(error);
  if (!pg) return error;
  const constraint = pg.constraint_name ?? pg.constraint;
  switch (pg.code) {
    case '23505':
      return new ConflictError(constraint, { cause: pg });
    case '23503':
    case '23001': // restrict_violation: deleting a parent an `onDelete: 'restrict'` child still references
      return new ForeignKeyError(constraint, { cause: pg });
    case '23514':
      return new CheckViolationError(constraint, `Rejected by check constraint ${constraint ?? '(unnamed)'}`, {
        cause: pg,
      });
    case '42501':
      // insufficient_privilege: an RLS policy's WITH CHECK, or no GRANT for the role (see src/rls.ts).
      return new ForbiddenError({ cause: pg });
    case 'P0001':
      // Our triggers raise with a message written for callers (no values), e.g. the last-owner rule.
      return new CheckViolationError(constraint, pg.message ?? 'Rejected by a database rule', { cause: pg });
    default:
      return new DatabaseError('query_failed', `Database query failed (SQLSTATE ${pg.code})`, { cause: pg });
  }
}
