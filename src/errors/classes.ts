import type { z } from 'zod';

export type DatabaseErrorCode =
  | 'not_found'
  | 'conflict'
  | 'foreign_key'
  | 'check_violation'
  | 'forbidden'
  | 'validation'
  | 'invalid_config'
  | 'database_in_use'
  | 'migration_failed'
  | 'connection_failed'
  | 'connection_lost'
  | 'cross_database'
  | 'tenant_moved'
  | 'move_failed'
  | 'query_failed';

/** Base of every error this package throws on purpose: a stable `code`, the original error as `cause`. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  readonly code: DatabaseErrorCode;

  constructor(code: DatabaseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export class NotFoundError extends DatabaseError {
  override name = 'NotFoundError';
  readonly entity: string;
  readonly key: string;
  constructor(entity: string, key: string, options?: { cause?: unknown }) {
    super('not_found', `${entity} not found (${key})`, options);
    this.entity = entity;
    this.key = key;
  }
}

/** A unique constraint rejected the write (SQLSTATE 23505). */
export class ConflictError extends DatabaseError {
  override name = 'ConflictError';
  readonly constraint: string | undefined;
  constructor(constraint: string | undefined, options?: { cause?: unknown }) {
    super(
      'conflict',
      `Conflict: a row with the same value already exists (${constraint ?? 'unique constraint'})`,
      options,
    );
    this.constraint = constraint;
  }
}

/** A foreign key rejected the write (SQLSTATE 23503): the parent does not exist, or children still point at it. */
export class ForeignKeyError extends DatabaseError {
  override name = 'ForeignKeyError';
  readonly constraint: string | undefined;
  constructor(constraint: string | undefined, options?: { cause?: unknown }) {
    super('foreign_key', `Referenced row missing or still referenced (${constraint ?? 'foreign key'})`, options);
    this.constraint = constraint;
  }
}

/** A check constraint or a database rule (trigger) rejected the write (SQLSTATE 23514, or P0001 raised by our triggers). */
export class CheckViolationError extends DatabaseError {
  override name = 'CheckViolationError';
  readonly constraint: string | undefined;
  constructor(constraint: string | undefined, message: string, options?: { cause?: unknown }) {
    super('check_violation', message, options);
    this.constraint = constraint;
  }
}

/**
 * The database refused the statement for the current role (SQLSTATE 42501): a row-level security policy rejected a
 * write (WITH CHECK), or the role has no privilege on the table at all. Only seen under a restricted role (withRls).
 */
export class ForbiddenError extends DatabaseError {
  override name = 'ForbiddenError';
  constructor(options?: { cause?: unknown }) {
    super('forbidden', 'Forbidden: row-level security or a missing privilege rejected the statement', options);
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
  code: string;
}

/** Zod's own message for unknown keys lists them; they are the caller's, so the text only counts them. */
const issueMessage = (issue: z.core.$ZodIssue): string =>
  issue.code === 'unrecognized_keys'
    ? `${issue.keys.length} unknown key${issue.keys.length === 1 ? '' : 's'}`
    : issue.message;

/**
 * Input failed its DTO before any SQL ran. Carries the Zod issues with dotted field paths, never the input values nor
 * keys the caller chose (an unknown key, a key inside a JSON field); `cause`, the ZodError, has them for your logs.
 */
export class ValidationError extends DatabaseError {
  override name = 'ValidationError';
  readonly issues: ValidationIssue[];

  constructor(entity: string, zodError: z.ZodError) {
    const issues = zodError.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issueMessage(issue),
      code: issue.code,
    }));
    super('validation', `Invalid ${entity}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {
      cause: zodError,
    });
    this.issues = issues;
  }

  get fields(): string[] {
    return [...new Set(this.issues.map((issue) => issue.path))];
  }
}

/** A tenant-scoped query object was called with no tenant: neither `{ tenantId }` nor an ambient `withTenant`. */
export class MissingTenantError extends DatabaseError {
  override name = 'MissingTenantError';
  constructor(entity: string) {
    super('validation', `${entity} is tenant-scoped: pass { tenantId } or call it inside withTenant(tenantId, ...)`);
  }
}

export class ConfigError extends DatabaseError {
  override name = 'ConfigError';
  constructor(message: string) {
    super('invalid_config', message);
  }
}

export class DatabaseInUseError extends DatabaseError {
  override name = 'DatabaseInUseError';
  readonly dataDir: string;
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      'database_in_use',
      `The embedded database at ${dataDir} is already in use by pid ${pid}. ` +
        'PGlite allows one process per data directory: stop that process (a dev server, drizzle studio, a test run) ' +
        'or point DATABASE_URL at another directory (pglite://<dir> or pglite://memory).',
    );
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

export class MigrationError extends DatabaseError {
  override name = 'MigrationError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('migration_failed', message, options);
  }
}
