import { z } from 'zod';

// Refinements shared by every DTO, so "a name" or "an email" means the same thing everywhere.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether Postgres can store the string as given: `text` refuses U+0000 (and `jsonb` its `\u0000` escape), and an
 * unpaired UTF-16 surrogate has no UTF-8 form (the drivers silently store U+FFFD instead, `jsonb` refuses it).
 */
export const isStorableText = (value: string): boolean => !value.includes('\u0000') && !LONE_SURROGATE.test(value);

const UNSTORABLE_TEXT = 'must not contain NUL characters or unpaired surrogates';

/** Every text field's base: a string Postgres stores unchanged. */
export const safeText = () => z.string().refine(isStorableText, UNSTORABLE_TEXT);

/** Trimmed, non-empty, at most `max` characters (what the column's check constraint allows). */
export const trimmedText = (max: number) => safeText().trim().min(1).max(max);

export const optionalText = (max: number) => safeText().trim().max(max).nullish();

/**
 * A UUID in any case, parsed to lower case: Postgres stores and returns `uuid` in lower case, so the parsed value is
 * what reading the row gives. drizzle-zod builds every uuid column's field with this one (see _zod.ts).
 */
export const uuid = () => z.uuid().toLowerCase();

/** Stored lower-case, so lookups and the unique index agree. */
export const email = () => safeText().trim().toLowerCase().pipe(z.email().max(254));

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const slug = () =>
  safeText().trim().min(2).max(64).regex(SLUG_PATTERN, 'lower-case letters, digits and single hyphens');

/**
 * Four-digit years only. Postgres accepts a wider range, but a JS Date outside it is sent in the extended ISO form
 * (`+010000-…`, `-000001-…`) that Postgres rejects, and a year below 100 comes back misread (year 1 reads as 2001).
 */
export const TIMESTAMP_MIN = new Date('1000-01-01T00:00:00.000Z');
export const TIMESTAMP_MAX = new Date('9999-12-31T23:59:59.999Z');

/** A timestamptz input: a Date, or a string or epoch milliseconds that parse to one; never null or a boolean. */
export const timestamp = () =>
  z
    .union([z.date(), z.string().max(64), z.number()])
    .transform((value) => new Date(value))
    .pipe(
      z
        .date()
        .min(TIMESTAMP_MIN, 'must be in year 1000 or later')
        .max(TIMESTAMP_MAX, 'must be in year 9999 or earlier'),
    );

/** Nesting deeper than this is refused before anything recurses into it (a hostile `[[[[…]]]]` would overflow). */
export const JSON_MAX_DEPTH = 32;

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const isPlainObject = (value: object) => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Keys of a JSON object: storable, and never `__proto__` (a copy would drop it, or take it as the prototype). */
const jsonKeyProblem = (key: string): string | undefined =>
  key === '__proto__' ? 'a key must not be __proto__' : isStorableText(key) ? undefined : `a key ${UNSTORABLE_TEXT}`;

/**
 * The first reason a value is not JSON that `jsonb` stores unchanged. Iterative: depth is safe. It says what is wrong,
 * never where: a path would repeat the caller's keys, which are data like the values (a key may be a secret).
 */
function jsonProblem(root: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return 'a number must be finite';
      continue;
    }
    if (typeof value === 'string') {
      if (!isStorableText(value)) return `a string ${UNSTORABLE_TEXT}`;
      continue;
    }
    if (typeof value !== 'object' || !(Array.isArray(value) || isPlainObject(value))) {
      return 'every value must be JSON (no undefined, functions, Dates or class instances)';
    }
    if (depth > JSON_MAX_DEPTH) return `must nest at most ${JSON_MAX_DEPTH} levels deep`;
    if (Array.isArray(value)) {
      for (const child of value) stack.push({ value: child, depth: depth + 1 });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = jsonKeyProblem(key);
      if (keyProblem) return keyProblem;
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * A JSON object (not an array or scalar) of bounded size that `jsonb` stores unchanged: what JSONB columns of
 * free-form data take. Checked in one iterative pass over the caller's own object (a schema that copied it first
 * would recurse on deep input, and drop an own `__proto__` key). The size is counted in UTF-16 code units of its
 * JSON text; `keyMax` bounds the top-level keys. Issues name the field only, never a key inside it.
 */
export const jsonObject = (options: { maxChars?: number; keyMax?: number } = {}) => {
  const maxChars = options.maxChars ?? 16_384;
  const keyMax = options.keyMax ?? 100;
  const schema = z
    .custom<{ [key: string]: JsonValue }>()
    .superRefine((value, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: 'custom', message, input: value });
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainObject(value)) {
        return fail('must be a JSON object');
      }
      if (Object.keys(value).some((key) => key.length > keyMax)) {
        return fail(`a key must be at most ${keyMax} characters`);
      }
      const problem = jsonProblem(value);
      if (problem) return fail(problem);
      if (JSON.stringify(value).length > maxChars) fail(`must serialize to at most ${maxChars / 1024} KiB`);
    })
    // A plain copy: Drizzle crashes on a null-prototype object (Object.create(null), a common dictionary), and the
    // stored value no longer changes if the caller mutates theirs.
    .transform((value) => JSON.parse(JSON.stringify(value)) as { [key: string]: JsonValue });
  return schema;
};
