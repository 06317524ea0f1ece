import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { id, timestamps, timestamptz } from '../../_shared.js';

/** Short-lived values (email verification, password reset) looked up by identifier. */
export const verification = pgTable(
  'verification',
  {
    id: id(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    ...timestamps(),
  },
  (t) => [index('verification_identifier_idx').on(t.identifier), index('verification_expires_at_idx').on(t.expiresAt)],
).enableRLS();
