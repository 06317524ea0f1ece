import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/client/create-database.js';
import { DatabaseError } from '../../src/errors/classes.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { toDatabaseError } from '../../src/errors/sqlstate.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';

// Shapes as postgres.js and Node produce them; Drizzle wraps them with the query text and the parameter values.
const PLANTED_PARAM = 'planted-param-4711';

function wrapped(cause: object): DrizzleQueryError {
  return new DrizzleQueryError('select * from "tenant_invites" where "email" = $1', [PLANTED_PARAM], cause as Error);
}

const connectFailures = [
  {
    code: 'ECONNREFUSED',
    cause: { code: 'ECONNREFUSED', address: '127.0.0.1', port: 1, message: 'connect ECONNREFUSED' },
    names: '127.0.0.1:1',
  },
  {
    code: 'ENOTFOUND',
    cause: { code: 'ENOTFOUND', hostname: 'db.invalid', message: 'getaddrinfo ENOTFOUND db.invalid' },
    names: 'db.invalid',
  },
  {
    code: 'CONNECT_TIMEOUT',
    cause: { code: 'CONNECT_TIMEOUT', address: '10.0.0.9', port: 5432, message: 'write CONNECT_TIMEOUT' },
    names: '10.0.0.9:5432',
  },
  {
    code: '28P01',
    cause: { code: '28P01', message: 'password authentication failed for user "u"' },
    names: 'the database server',
  },
];

const connectionLosses = [
  {
    code: 'CONNECTION_CLOSED',
    cause: { code: 'CONNECTION_CLOSED', address: 'db.example.com', port: 5432, message: 'write CONNECTION_CLOSED' },
    names: 'db.example.com:5432',
  },
  {
    code: '57P01',
    cause: { code: '57P01', message: 'terminating connection due to administrator command' },
    names: 'the database server',
  },
];

describe('toDatabaseError: connection failures (4 codes) and losses (2 codes)', () => {
  it.each(connectFailures)('$code → connection_failed naming $names, without the parameter', ({ cause, names }) => {
    const error = toDatabaseError(wrapped(cause)) as DatabaseError;
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.code).toBe('connection_failed');
    expect(error.message).toContain(names);
    expect(error.message).not.toContain(PLANTED_PARAM);
    expect(error.cause).toBe(cause);
  });

  it('a server refusal keeps its reason: 3D000 → connection_failed with the missing database named', () => {
    const error = toDatabaseError(wrapped({ code: '3D000', message: 'database "x" does not exist' })) as DatabaseError;
    expect(error.message).toBe('Could not connect to the database server: database "x" does not exist (3D000)');
  });

  it.each(connectionLosses)('$code → connection_lost naming $names, without the parameter', ({ cause, names }) => {
    const error = toDatabaseError(wrapped(cause)) as DatabaseError;
    expect(error.code).toBe('connection_lost');
    expect(error.message).toContain(names);
    expect(error.message).not.toContain(PLANTED_PARAM);
  });

  it('a constraint SQLSTATE is still a constraint error (23505 → conflict)', () => {
    expect((toDatabaseError(wrapped({ code: '23505', constraint_name: 'x_key' })) as DatabaseError).code).toBe(
      'conflict',
    );
  });

  it('1 query object on a closed port rejects with connection_failed naming the host, never the password', async () => {
    const handle = createDatabase({ url: 'postgres://u:planted-secret@127.0.0.1:1/x', connectTimeoutSeconds: 2 });
    try {
      const error = await runWithExecutor(handle.db, () =>
        TenantInviteQueries.findById('01890000-0000-7000-8000-000000000000', { tenantId: crypto.randomUUID() }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as DatabaseError).code).toBe('connection_failed');
      expect((error as DatabaseError).message).toBe('Could not connect to 127.0.0.1:1 (ECONNREFUSED)');
      expect(String((error as DatabaseError).message)).not.toContain('planted-secret');
    } finally {
      await handle.close();
    }
  });
});
