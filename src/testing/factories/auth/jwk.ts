import { jwks } from '../../../schema/tables/auth/jwk.js';
import { defineFactory, fake, fromNow } from '../_factory.js';

export const createJwkFactory = () =>
  defineFactory({
    build: (): typeof jwks.$inferInsert => ({
      publicKey: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: fake.token() }),
      // Better Auth stores the private key as an encrypted envelope: a JSON object as text.
      privateKey: JSON.stringify({ ciphertext: fake.token(), iv: fake.token().slice(0, 16) }),
      alg: 'EdDSA',
      crv: 'Ed25519',
      expiresAt: fromNow(90),
    }),
    insert: async (db, input) => (await db.insert(jwks).values(input).returning())[0]!,
  });
