import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../../_shared.ts';

/** Key pairs of Better Auth's JWT plugin. */
export const jwks = pgTable('jwks', {
  id: id(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamptz('expires_at'),
});
