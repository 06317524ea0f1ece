import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import {
  CreateAccountSchema,
  CreateJwkSchema,
  CreateSessionSchema,
  CreateUserSchema,
  CreateVerificationSchema,
  PasswordHashSchema,
  SetActiveTenantSchema,
  UpdateAccountSchema,
  UpdateSessionSchema,
  UpdateUserSchema,
  UserFilterSchema,
} from '../../src/dto/auth/index.js';
import { AccountQueries } from '../../src/queries/auth/account.js';
import { JwkQueries } from '../../src/queries/auth/jwk.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { UserQueries } from '../../src/queries/auth/user.js';
import { VerificationQueries } from '../../src/queries/auth/verification.js';
import { account } from '../../src/schema/tables/auth/account.js';
import { jwks } from '../../src/schema/tables/auth/jwk.js';
import { session } from '../../src/schema/tables/auth/session.js';
import { user } from '../../src/schema/tables/auth/user.js';
import { verification } from '../../src/schema/tables/auth/verification.js';
import {
  DB_RUNS,
  DTO_RUNS,
  assertDtoAccepts,
  assertDtoRefuses,
  assertLookupRefuses,
  assertMethodRefuses,
  assertRoundTrips,
  expectFieldsEqual,
} from '../support/properties.js';
import * as arb from './arbitraries/auth.js';
import { hostileInput, validInput } from './arbitraries/dto.js';
import { hostileKey } from './arbitraries/fields.js';
import { factories } from '../../src/testing/index.js';

const dtos = [
  { name: 'CreateUserSchema', schema: CreateUserSchema, spec: arb.createUser() },
  { name: 'UpdateUserSchema', schema: UpdateUserSchema, spec: arb.updateUser() },
  { name: 'UserFilterSchema', schema: UserFilterSchema, spec: arb.userListFilter() },
  { name: 'CreateAccountSchema', schema: CreateAccountSchema, spec: arb.createAccount() },
  { name: 'UpdateAccountSchema', schema: UpdateAccountSchema, spec: arb.updateAccount() },
  { name: 'PasswordHashSchema', schema: PasswordHashSchema, spec: arb.passwordHash() },
  { name: 'CreateSessionSchema', schema: CreateSessionSchema, spec: arb.createSession() },
  { name: 'UpdateSessionSchema', schema: UpdateSessionSchema, spec: arb.updateSession() },
  { name: 'SetActiveTenantSchema', schema: SetActiveTenantSchema, spec: arb.setActiveTenant() },
  { name: 'CreateVerificationSchema', schema: CreateVerificationSchema, spec: arb.createVerification() },
  { name: 'CreateJwkSchema', schema: CreateJwkSchema, spec: arb.createJwk() },
];

describe('auth DTOs', () => {
  it.each(dtos)('1,000 hostile inputs to $name → ValidationError with field paths', ({ name, schema, spec }) => {
    expect(assertDtoRefuses(name, schema, hostileInput(spec))).toBe(DTO_RUNS);
  });

  it.each(dtos)('1,000 valid inputs to $name parse', ({ name, schema, spec }) => {
    expect(assertDtoAccepts(name, schema, validInput(spec))).toBe(DTO_RUNS);
  });
});

describe('auth queries', () => {
  let userId: string;

  beforeEach(async () => {
    userId = (await factories.user.create()).id;
  });

  it('50 hostile inputs to each of UserQueries.create / update / list → ValidationError, no row written', async () => {
    const calls = [
      await assertMethodRefuses(user, hostileInput(arb.createUser()), (input) => UserQueries.create(input as never)),
      await assertMethodRefuses(user, hostileInput(arb.updateUser()), (input) =>
        UserQueries.update(userId, input as never),
      ),
      await assertMethodRefuses(user, filters(arb.userListFilter()), (filter) =>
        UserQueries.list({ filter: filter as never }),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
  });

  it('50 valid inputs to UserQueries.create and update read back unchanged', async () => {
    await assertRoundTrips(validInput(arb.createUser()), async (input) => {
      const created = await UserQueries.create(input as never);
      expectFieldsEqual(created, CreateUserSchema.parse(input));
      expect(await UserQueries.getById(created.id)).toEqual(created);
    });
    await assertRoundTrips(validInput(arb.updateUser()), async (input) => {
      await UserQueries.update(userId, input as never);
      expectFieldsEqual(await UserQueries.getById(userId), UpdateUserSchema.parse(input));
    });
  });

  it('50 hostile inputs to each of AccountQueries.create / update / setPasswordHash → ValidationError, no row written', async () => {
    const linked = await AccountQueries.create({ userId, providerId: 'github', accountId: 'gh-1' });
    const calls = [
      await assertMethodRefuses(account, hostileInput(arb.createAccount(userId)), (input) =>
        AccountQueries.create(input as never),
      ),
      await assertMethodRefuses(account, hostileInput(arb.updateAccount()), (input) =>
        AccountQueries.update(linked.id, input as never),
      ),
      await assertMethodRefuses(
        account,
        hostileInput(arb.passwordHash()).filter((c) => c.path !== '(root)'),
        (input) => AccountQueries.setPasswordHash(userId, (input as { passwordHash: never }).passwordHash),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
    expect(await AccountQueries.getById(linked.id)).toEqual(linked);
  });

  it('50 valid inputs to AccountQueries.create and update read back unchanged', async () => {
    await assertRoundTrips(validInput(arb.createAccount(userId)), async (input) => {
      const row = await AccountQueries.create(input as never);
      expectFieldsEqual(row, CreateAccountSchema.parse(input));
      expect(await AccountQueries.getById(row.id)).toEqual(row);
    });
    const linked = await AccountQueries.create({ userId, providerId: 'github', accountId: 'gh-update' });
    await assertRoundTrips(validInput(arb.updateAccount()), async (input) => {
      await AccountQueries.update(linked.id, input as never);
      expectFieldsEqual(await AccountQueries.getById(linked.id), UpdateAccountSchema.parse(input));
    });
  });

  it('50 hostile inputs to each of SessionQueries.create / update / setActiveTenant → ValidationError, no row written', async () => {
    const open = await SessionQueries.create({ userId, expiresAt: new Date(Date.now() + 86_400_000) });
    const calls = [
      await assertMethodRefuses(session, hostileInput(arb.createSession(userId)), (input) =>
        SessionQueries.create(input as never),
      ),
      await assertMethodRefuses(session, hostileInput(arb.updateSession()), (input) =>
        SessionQueries.update(open.id, input as never),
      ),
      await assertMethodRefuses(
        session,
        hostileInput(arb.setActiveTenant()).filter((c) => c.path !== '(root)'),
        (input) => SessionQueries.setActiveTenant(open.id, (input as { tenantId: never }).tenantId),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
    expect(await SessionQueries.getById(open.id)).toEqual(open);
  });

  it('50 valid inputs to SessionQueries.create and update read back unchanged', async () => {
    const created = await assertRoundTrips(validInput(arb.createSession(userId)), async (input) => {
      const row = await SessionQueries.create(input as never);
      expectFieldsEqual(row, CreateSessionSchema.parse(input));
      const updated = await SessionQueries.update(row.id, { expiresAt: input.expiresAt as Date });
      expect(updated.expiresAt).toEqual(row.expiresAt);
      expect(await SessionQueries.getById(row.id)).toEqual(updated);
    });
    expect(created).toEqual({ runs: DB_RUNS, conflicts: 0 });
  });

  it('50 hostile inputs to VerificationQueries.create and JwkQueries.create → ValidationError, no row written', async () => {
    const calls = [
      await assertMethodRefuses(verification, hostileInput(arb.createVerification()), (input) =>
        VerificationQueries.create(input as never),
      ),
      await assertMethodRefuses(jwks, hostileInput(arb.createJwk()), (input) => JwkQueries.create(input as never)),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS]);
  });

  it('50 valid inputs to VerificationQueries.create and JwkQueries.create read back unchanged', async () => {
    const verifications = await assertRoundTrips(validInput(arb.createVerification()), async (input) => {
      const row = await VerificationQueries.create(input as never);
      expectFieldsEqual(row, CreateVerificationSchema.parse(input));
      expect(await VerificationQueries.getById(row.id)).toEqual(row);
    });
    const keys = await assertRoundTrips(validInput(arb.createJwk()), async (input) => {
      const row = await JwkQueries.create(input as never);
      expectFieldsEqual(row, CreateJwkSchema.parse(input));
      const [stored] = await db.select().from(jwks).where(eq(jwks.id, row.id));
      expect(stored).toEqual(row);
    });
    expect([verifications, keys]).toEqual([
      { runs: DB_RUNS, conflicts: 0 },
      { runs: DB_RUNS, conflicts: 0 },
    ]);
  });
});

describe('auth lookups', () => {
  it('50 hostile keys to each of findByToken / findByProvider / findByEmail / findValue → ValidationError', async () => {
    const calls = [
      await assertLookupRefuses(hostileKey(), (key) => SessionQueries.findByToken(key as never)),
      await assertLookupRefuses(hostileKey(), (key) => AccountQueries.findByProvider('github', key as never)),
      await assertLookupRefuses(hostileKey(), (key) => UserQueries.findByEmail(key as never)),
      await assertLookupRefuses(hostileKey(), (key) => VerificationQueries.findValue(key as never)),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS, DB_RUNS]);
  });
});

/** List filters: `undefined` means "no filter", so only non-null hostile filters are hostile there. */
function filters(spec: Parameters<typeof hostileInput>[0]) {
  return hostileInput(spec).filter((c) => c.input !== undefined && c.input !== null);
}
