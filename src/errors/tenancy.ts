import { DatabaseError } from './classes.js';

// Errors of the database-per-tenant layer. A tenant's connection URL carries a password: no message, field or
// `cause` here ever holds the URL or any piece of it, only the tenant id, the key id and what went wrong.

export type PlacementKeyProblem =
  /** No DATABASE_ENCRYPTION_KEY, so no placed tenant's URL can be encrypted or read. */
  | 'missing_key_ring'
  /** The stored value names a key id that is not in the ring (dropped too early, or another environment's). */
  | 'unknown_key_id'
  /** AES-GCM refused it: a different key under that id, an altered value, or a value copied from another tenant. */
  | 'not_authentic'
  /** Not a `v1.<keyId>.<iv>.<ciphertext>` value at all. */
  | 'malformed';

const PROBLEMS: Record<PlacementKeyProblem, string> = {
  missing_key_ring: 'DATABASE_ENCRYPTION_KEY is not set',
  unknown_key_id: 'its key id is not in DATABASE_ENCRYPTION_KEY',
  not_authentic:
    'it does not authenticate: the key under that id is not the one it was encrypted with, the stored value was ' +
    'altered, or it was copied from another tenant',
  malformed: 'the stored value is not of the form v1.<keyId>.<iv>.<ciphertext>',
};

/**
 * A placed tenant's database URL could not be encrypted or decrypted. `cause` is the `node:crypto` error when there
 * is one (it holds no key or plaintext).
 */
export class PlacementKeyError extends DatabaseError {
  override name = 'PlacementKeyError';
  readonly tenantId: string;
  /** The key id the stored value names (or the ring's encrypting key); undefined when unreadable or absent. */
  readonly keyId: string | undefined;
  readonly problem: PlacementKeyProblem;

  constructor(
    tenantId: string,
    keyId: string | undefined,
    problem: PlacementKeyProblem,
    options?: { cause?: unknown },
  ) {
    const key = keyId === undefined ? '' : ` (key id "${keyId}")`;
    super(
      'invalid_config',
      `Cannot read or write the database URL of tenant ${tenantId}${key}: ${PROBLEMS[problem]}.`,
      options,
    );
    this.tenantId = tenantId;
    this.keyId = keyId;
    this.problem = problem;
  }
}

export type TenantClientProblem = 'open_failed' | 'close_failed' | 'acquire_timeout' | 'cache_closed';

/**
 * The per-tenant client cache could not hand out a client. `label` is what the cache was told to print for the
 * client (never the URL). The original error is deliberately not the `cause`: errors of the drivers and of the PGlite
 * lock quote the URL or its directory, so only its class name and code are kept (`original`, and in the message).
 */
export class TenantClientError extends DatabaseError {
  override name = 'TenantClientError';
  readonly label: string;
  readonly problem: TenantClientProblem;
  /** On `open_failed` and `close_failed`: the original error's class name and `code`, if it had one. */
  readonly original: { name: string; code: string | undefined } | undefined;

  constructor(label: string, problem: TenantClientProblem, detail: string, original?: unknown) {
    const described = original === undefined ? undefined : describeOriginal(original);
    const from = described ? ` (${described.name}${described.code ? ` ${described.code}` : ''})` : '';
    super(problem === 'cache_closed' ? 'connection_lost' : 'connection_failed', `${label}: ${detail}${from}`);
    this.label = label;
    this.problem = problem;
    this.original = described;
  }
}

function describeOriginal(error: unknown): { name: string; code: string | undefined } {
  if (!(error instanceof Error)) return { name: typeof error, code: undefined };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, code: typeof code === 'string' ? code : undefined };
}
