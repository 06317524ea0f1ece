import { randomBytes, randomUUID } from 'node:crypto';
import { db } from '../../src/client/db.ts';
import { account } from '../../src/schema/tables/auth/account.ts';
import { jwks } from '../../src/schema/tables/auth/jwks.ts';
import { session } from '../../src/schema/tables/auth/session.ts';
import { verification } from '../../src/schema/tables/auth/verification.ts';

// Auth rows written straight to the tables, for tests of constraints and query objects.

export const inOneHour = () => new Date(Date.now() + 60 * 60 * 1000);
export const anHourAgo = () => new Date(Date.now() - 60 * 60 * 1000);
export const randomToken = () => randomBytes(24).toString('base64url');

export async function insertSession(userId: string, overrides: Partial<typeof session.$inferInsert> = {}) {
  const [row] = await db
    .insert(session)
    .values({ userId, token: randomToken(), expiresAt: inOneHour(), ...overrides })
    .returning();
  return row!;
}

export async function insertAccount(userId: string, overrides: Partial<typeof account.$inferInsert> = {}) {
  const [row] = await db
    .insert(account)
    .values({ userId, providerId: 'github', accountId: randomUUID(), ...overrides })
    .returning();
  return row!;
}

export async function insertVerification(overrides: Partial<typeof verification.$inferInsert> = {}) {
  const [row] = await db
    .insert(verification)
    .values({
      identifier: `email-verification:${randomUUID()}`,
      value: randomToken(),
      expiresAt: inOneHour(),
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertJwk(overrides: Partial<typeof jwks.$inferInsert> = {}) {
  const [row] = await db
    .insert(jwks)
    .values({
      publicKey: '{"kty":"OKP"}',
      privateKey: '{"encrypted":true}',
      alg: 'EdDSA',
      crv: 'Ed25519',
      ...overrides,
    })
    .returning();
  return row!;
}
