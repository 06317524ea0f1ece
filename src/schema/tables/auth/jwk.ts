import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../../_shared.js';

/**
 * Key pairs of Better Auth's JWT plugin (its 1.7 schema: public/private key, created/expires, alg, crv). The
 * private key is stored as Better Auth writes it (encrypted with the auth secret unless disabled there).
 */
export const jwks = pgTable(
  'jwks',
  {
    id: id(),
    publicKey: text('public_key').notNull(),
    privateKey: text('private_key').notNull(),
    /** JWS algorithm of the key (e.g. EdDSA); null on keys written before Better Auth stored it. */
    alg: text('alg'),
    /** Curve of EC/OKP keys (e.g. Ed25519). */
    crv: text('crv'),
    createdAt: createdAt(),
    expiresAt: timestamptz('expires_at'),
  },
  // "The latest key" and keyset listing read newest first.
  (t) => [index('jwks_created_at_idx').on(t.createdAt.desc(), t.id.desc())],
).enableRLS();
