import { type z } from 'zod';
import { jwks } from '../../schema/tables/auth/jwk.js';
import { createInsertSchema, createSelectSchema } from '../_zod.js';
import { optionalText, safeText, timestamp } from '../_fields.js';

/** A serialized JWK (or Better Auth's encrypted envelope of one): a JSON object as text. */
const jsonObjectText = () =>
  safeText()
    .max(16_384)
    .refine((text) => {
      try {
        const parsed: unknown = JSON.parse(text);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
      } catch {
        return false;
      }
    }, 'must be a JSON object');

const refine = {
  publicKey: jsonObjectText,
  privateKey: jsonObjectText,
  alg: () => optionalText(32),
  crv: () => optionalText(32),
  expiresAt: () => timestamp().nullish(),
};

export const JwkSchema = createSelectSchema(jwks);
export const InsertJwkSchema = createInsertSchema(jwks, refine);

/** A key pair for the JWT plugin. No update DTO: keys are rotated (a new row), never edited. */
export const CreateJwkSchema = InsertJwkSchema.pick({
  publicKey: true,
  privateKey: true,
  alg: true,
  crv: true,
  expiresAt: true,
}).strict();

/** A key without its private half: what a JWKS endpoint or an admin list may show. */
export const PublicJwkSchema = JwkSchema.omit({ privateKey: true });

export type Jwk = z.infer<typeof JwkSchema>;
export type PublicJwk = z.infer<typeof PublicJwkSchema>;
export type CreateJwk = z.input<typeof CreateJwkSchema>;
