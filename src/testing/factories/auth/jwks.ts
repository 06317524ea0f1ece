import { jwks } from '../../../schema/tables/auth/jwks.ts';
import { defineFactory, fake, fromNow } from '../_factory.ts';

export const createJwkFactory = () =>
  defineFactory({
    build: (): typeof jwks.$inferInsert => ({
      publicKey: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: fake.token() }),
      privateKey: `encrypted:${fake.token()}`,
      alg: 'EdDSA',
      crv: 'Ed25519',
      expiresAt: fromNow(90),
    }),
    insert: async (db, input) => (await db.insert(jwks).values(input).returning())[0]!,
  });
