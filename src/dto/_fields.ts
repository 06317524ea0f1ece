import { z } from 'zod';

// Refinements shared by every DTO, so "a name" or "an email" means the same thing everywhere.

/** Trimmed, non-empty, at most `max` characters (what the column's check constraint allows). */
export const trimmedText = (max: number) => z.string().trim().min(1).max(max);

export const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** Stored lower-case, so lookups and the unique index agree. */
export const email = () => z.string().trim().toLowerCase().pipe(z.email().max(254));

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const slug = () =>
  z.string().trim().min(2).max(64).regex(SLUG_PATTERN, 'lower-case letters, digits and single hyphens');

/** A JSON object (not an array or scalar) of bounded size; JSONB columns of free-form data use it. */
export const jsonObject = () =>
  z
    .record(z.string().max(100), z.json())
    .refine((value) => JSON.stringify(value).length <= 16_384, 'must serialize to at most 16 KiB');
