import { z } from 'zod';
import { verification } from '../../schema/tables/auth/verification.js';
import { createInsertSchema, createSelectSchema } from '../_zod.js';
import { safeText, timestamp, trimmedText } from '../_fields.js';

const refine = {
  identifier: () => trimmedText(512),
  value: () => safeText().min(1).max(8192),
  expiresAt: () => timestamp().refine((value) => value.getTime() > Date.now(), 'must be in the future'),
};

export const VerificationSchema = createSelectSchema(verification);
export const InsertVerificationSchema = createInsertSchema(verification, refine);

/** A short-lived value (an email-verification or reset token) under an identifier. No update DTO: values are consumed, not edited. */
export const CreateVerificationSchema = InsertVerificationSchema.pick({
  identifier: true,
  value: true,
  expiresAt: true,
}).strict();

export const VerificationIdentifierSchema = z.object({ identifier: trimmedText(512) });

export type Verification = z.infer<typeof VerificationSchema>;
export type CreateVerification = z.input<typeof CreateVerificationSchema>;
