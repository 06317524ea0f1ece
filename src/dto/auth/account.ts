import { z } from 'zod';
import { account } from '../../schema/tables/auth/account.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { optionalText, safeText, timestamp, trimmedText } from '../_fields.js';

/** Better Auth's provider id of email-and-password accounts; their row carries the password hash. */
export const CREDENTIAL_PROVIDER_ID = 'credential';
export const ACCOUNT_TOKEN_MAX = 8192;

const token = () => safeText().min(1).max(ACCOUNT_TOKEN_MAX).nullish();

const refine = {
  providerId: () => trimmedText(100),
  accountId: () => trimmedText(255),
  accessToken: token,
  refreshToken: token,
  idToken: token,
  scope: () => optionalText(2000),
  accessTokenExpiresAt: () => timestamp().nullish(),
  refreshTokenExpiresAt: () => timestamp().nullish(),
};

/** The complete row, password hash and OAuth tokens included: for auth code that needs them, never for a client. */
export const AccountSchema = createSelectSchema(account);
export const InsertAccountSchema = createInsertSchema(account, refine);
const UpdateAccountRowSchema = createUpdateSchema(account, refine);

/** An account without its secrets (password hash, OAuth tokens): what lists and settings pages show. */
export const AccountSummarySchema = AccountSchema.omit({
  password: true,
  accessToken: true,
  refreshToken: true,
  idToken: true,
});

/** The provider's tokens, their expiries and scope: given when an account is linked, replaced on a refresh. */
const tokenFields = {
  accessToken: true,
  refreshToken: true,
  idToken: true,
  accessTokenExpiresAt: true,
  refreshTokenExpiresAt: true,
  scope: true,
} as const;

/**
 * Linking an OAuth account: the provider's ids and tokens. No password: a `credential` account is created by
 * Better Auth or `AccountQueries.setPasswordHash`, so a caller can never store an unhashed password by mistake.
 */
export const CreateAccountSchema = InsertAccountSchema.pick({
  userId: true,
  providerId: true,
  accountId: true,
  ...tokenFields,
})
  .strict()
  .refine((value) => value.providerId !== CREDENTIAL_PROVIDER_ID, {
    path: ['providerId'],
    message: 'credential accounts are created with setPasswordHash',
  });

/** A token refresh. */
export const UpdateAccountSchema = UpdateAccountRowSchema.pick(tokenFields).strict();

/**
 * A password hash as your hasher (Better Auth: scrypt `salt:key` hex) produced it. Refuses short values, so a plain
 * password passed here by mistake is rejected rather than stored.
 */
export const PasswordHashSchema = z
  .object({ passwordHash: safeText().min(32).max(1024).regex(/^\S+$/, 'a hash has no spaces') })
  .strict();

export type Account = z.infer<typeof AccountSchema>;
export type AccountSummary = z.infer<typeof AccountSummarySchema>;
export type CreateAccount = z.input<typeof CreateAccountSchema>;
export type UpdateAccount = z.input<typeof UpdateAccountSchema>;
