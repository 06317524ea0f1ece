import { CheckViolationError, ConflictError, DatabaseError, ForbiddenError, ForeignKeyError } from './classes.js';

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

// Codes of the driver (postgres.js), of Node's socket layer, and SQLSTATEs the server sends while refusing a session.
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CONNECT_TIMEOUT',
  '28000', // invalid_authorization_specification
  '28P01', // invalid_password
  '3D000', // invalid_catalog_name: the database does not exist
  '57P03', // cannot_connect_now: the server is starting or shutting down
]);
const CONNECTION_LOSSES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNRESET',
  'EPIPE',
  '57P01', // admin_shutdown: pg_terminate_backend, or a server shutdown
  '57P02', // crash_shutdown
]);

interface ConnectionFailure {
  code: string;
  message?: string;
  /** postgres.js and Node name the host (`address`, `hostname`) and port; never the password. */
  address?: string;
  hostname?: string;
  port?: number;
}

function connectionFailure(error: unknown): ConnectionFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECT_FAILURES.has(code) || CONNECTION_LOSSES.has(code))) {
      return current as ConnectionFailure;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeServer(failure: ConnectionFailure): string {
  const host = failure.address ?? failure.hostname;
  if (!host) return 'the database server';
  return failure.port === undefined ? host : `${host}:${failure.port}`;
}

/**
 * A connection that could not be opened (`connection_failed`), or that died under a query (`connection_lost`), as a
 * typed error naming the server, never the query or its parameters; `undefined` for any other error.
 */
export function toConnectionError(error: unknown): DatabaseError | undefined {
  if (error instanceof DatabaseError) return undefined;
  const failure = connectionFailure(error);
  if (!failure) return undefined;
  const server = describeServer(failure);
  if (CONNECT_FAILURES.has(failure.code)) {
    // The server's own refusal (wrong password, no such database) names the user or database, never a secret.
    const reason = /^[0-9A-Z]{5}$/.test(failure.code) && failure.message ? `: ${failure.message}` : '';
    return new DatabaseError('connection_failed', `Could not connect to ${server}${reason} (${failure.code})`, {
      cause: failure,
    });
  }
  return new DatabaseError(
    'connection_lost',
    `The connection to ${server} was lost (${failure.code}); an open transaction was rolled back by the server`,
    { cause: failure },
  );
}

/**
 * Turns what a caller can cause into typed errors. The message never includes parameter values; the driver error
 * stays available as `cause` for logs you control.
 */
export function toDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseError) return error;
  const connection = toConnectionError(error);
  if (connection) return connection;
  const pg = driverError(error);
  if (!pg) return error;
  const constraint = pg.constraint_name ?? pg.constraint;
  switch (pg.code) {
    case '23505':
      return new ConflictError(constraint, { cause: pg });
    case '23503':
    case '23001': // restrict_violation: deleting a parent an `onDelete: 'restrict'` child still references
      return new ForeignKeyError(constraint, { cause: pg });
    case '22003': // numeric_value_out_of_range: e.g. a counter incremented past its column's range
      return new CheckViolationError(constraint, "A value is out of its column's range", { cause: pg });
    case '23514':
      return new CheckViolationError(constraint, `Rejected by check constraint ${constraint ?? '(unnamed)'}`, {
        cause: pg,
      });
    case '42501':
      // insufficient_privilege: an RLS policy's WITH CHECK, or no GRANT for the role (see src/scope/rls.ts).
      return new ForbiddenError({ cause: pg });
    case 'P0001':
      // Our triggers raise with a message written for callers (no values), e.g. the last-owner rule.
      return new CheckViolationError(constraint, pg.message ?? 'Rejected by a database rule', { cause: pg });
    default:
      return new DatabaseError('query_failed', `Database query failed (SQLSTATE ${pg.code})`, { cause: pg });
  }
}
