import fc from 'fast-check';

// One spec per kind of DTO field: values the DTO must accept (and the database must store unchanged) and values it
// must refuse. Every hostile value here is invalid for its field whatever else the input holds.

export interface FieldSpec {
  valid: fc.Arbitrary<unknown>;
  hostile: fc.Arbitrary<unknown>;
  /** May be left out of the input. */
  optional?: boolean;
}

const NON_STRINGS: unknown[] = [0, -1, 1.5, Number.NaN, Infinity, true, false, [], ['a'], {}, { toString: 'x' }];
const nonNullish = (nullable: boolean): unknown[] => (nullable ? [] : [null, undefined]);

/** Strings a SQL string builder would choke on: free text must store them verbatim, patterns must refuse them. */
export const SQL_METACHARACTERS = [
  "'; drop table todos; --",
  "' or '1'='1",
  'a%_\\',
  '$1',
  '"quoted"',
  '/* comment */',
  "E'\\x00'",
] as const;

const WHITESPACE = [' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff'] as const;

/** Printable text from the whole Unicode range (emoji, CJK, combining marks), with SQL metacharacters mixed in. */
const anyText = (maxLength: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.constantFrom(...SQL_METACHARACTERS) },
    { weight: 1, arbitrary: fc.constantFrom('😀', '👩‍👩‍👧‍👦', '🇫🇷', 'e\u0301', 'ß', 'İ', '日本語', 'a\u200bb') },
  );

/** No NUL, no unpaired surrogate; what Postgres `text` can store. */
const storable = (value: string) =>
  value.replaceAll('\u0000', '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');

/** Text that is valid once trimmed: between min and max UTF-16 units, not blank when min >= 1. */
export function validText(min: number, max: number): fc.Arbitrary<string> {
  return anyText(max)
    .map(storable)
    .filter((value) => value.trim().length >= min && value.trim().length <= max);
}

/** `value` with `inserted` at a generated position. */
const insertInto = (base: fc.Arbitrary<string>, inserted: fc.Arbitrary<string>) =>
  fc.tuple(base, inserted, fc.nat()).map(([value, bad, at]) => {
    const index = at % (value.length + 1);
    return value.slice(0, index) + bad + value.slice(index);
  });

/** Values no text field may take: NUL bytes, unpaired surrogates, wrong types. */
export const unstorableText = (base: fc.Arbitrary<string> = fc.string()) =>
  fc.oneof(
    insertInto(base, fc.constantFrom('\u0000', '\u0000\u0000', 'a\u0000b')),
    insertInto(base, fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'x\uD83D')),
  );

const overlong = (max: number) =>
  fc.oneof(
    fc.integer({ min: 1, max: 200 }).map((extra) => 'x'.repeat(max + extra)),
    fc.integer({ min: 1, max: 50 }).map((extra) => '😀'.repeat(max + extra)),
  );

export function text(
  min: number,
  max: number,
  options: { nullable?: boolean; optional?: boolean; trimmed?: boolean } = {},
): FieldSpec {
  const nullable = options.nullable ?? false;
  const trimmed = options.trimmed ?? true;
  const valid = trimmed
    ? validText(min, max)
    : validText(0, max).filter((value) => value.length >= min && value.length <= max);
  return {
    valid: nullable ? fc.option(valid, { nil: null }) : valid,
    hostile: fc.oneof(
      unstorableText(valid),
      overlong(max),
      min >= 1 ? fc.constantFrom('', ...(trimmed ? [...WHITESPACE, ' \t\n '] : [])) : overlong(max),
      fc.constantFrom(...NON_STRINGS, ...nonNullish(nullable)),
    ),
    optional: options.optional ?? nullable,
  };
}

/** A field with its own format (slug, email, phone): free text and SQL metacharacters are refused too. */
export function pattern(
  valid: fc.Arbitrary<string>,
  options: { max: number; optional?: boolean; nullable?: boolean },
): FieldSpec {
  const nullable = options.nullable ?? false;
  return {
    valid: nullable ? fc.option(valid, { nil: null }) : valid,
    hostile: fc.oneof(
      unstorableText(valid),
      overlong(options.max),
      fc.constantFrom(...SQL_METACHARACTERS, '', ' ', 'NOT VALID', '💥'),
      fc.constantFrom(...NON_STRINGS, ...nonNullish(nullable)),
    ),
    optional: options.optional ?? nullable,
  };
}

export const INVALID_UUIDS = [
  '',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567e89b12d3a456426614174000x',
  '{123e4567-e89b-12d3-a456-426614174000}',
  "'; drop table users; --",
] as const;

/** A UUID as a caller may write it: lower, upper or mixed case (the DTO parses it to the lower case Postgres stores). */
export const anyCase = (id: fc.Arbitrary<string>) =>
  fc.oneof(
    id,
    id.map((value) => value.toUpperCase()),
    fc
      .tuple(id, fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }))
      .map(([value, upper]) => [...value].map((char, at) => (upper[at] ? char.toUpperCase() : char)).join('')),
  );

export function uuid(
  options: { nullable?: boolean; optional?: boolean; valid?: fc.Arbitrary<string> } = {},
): FieldSpec {
  const nullable = options.nullable ?? false;
  const valid = anyCase(options.valid ?? fc.uuid());
  return {
    valid: nullable ? fc.option(valid, { nil: null }) : valid,
    hostile: fc.oneof(
      fc.constantFrom(...INVALID_UUIDS, ...NON_STRINGS, ...nonNullish(nullable)),
      fc.uuid().map((id) => `${id}\u0000`),
      fc.uuid().map((id) => ` ${id}x`),
    ),
    optional: options.optional ?? nullable,
  };
}

/** The timestamps a DTO accepts: four-digit years (see TIMESTAMP_MIN / TIMESTAMP_MAX in src/dto/_fields.ts). */
export const TIMESTAMP_MIN = new Date('1000-01-01T00:00:00.000Z');
export const TIMESTAMP_MAX = new Date('9999-12-31T23:59:59.999Z');

const dateIn = (min: Date, max: Date) => fc.date({ min, max, noInvalidDate: true });

export function timestamp(options: { nullable?: boolean; optional?: boolean; min?: Date; max?: Date } = {}): FieldSpec {
  const nullable = options.nullable ?? false;
  const min = options.min ?? TIMESTAMP_MIN;
  const max = options.max ?? TIMESTAMP_MAX;
  const valid = fc.oneof(
    dateIn(min, max),
    dateIn(min, max).map((date) => date.toISOString()),
  );
  return {
    valid: nullable ? fc.option(valid, { nil: null }) : valid,
    hostile: fc.oneof(
      fc.constantFrom('not a date', '2024-13-45T00:00:00Z', '', "'; --", '\u0000', 'yesterday', new Date(Number.NaN)),
      fc.constantFrom(true, false, {}, 1e20, -1e20, Number.NaN, Infinity, ...nonNullish(nullable)),
      dateIn(new Date(-8.64e15), new Date(min.getTime() - 1)),
      dateIn(new Date(max.getTime() + 1), new Date(8.64e15)),
      dateIn(new Date(-8.64e15), new Date(min.getTime() - 1)).map((date) => date.toISOString()),
    ),
    optional: options.optional ?? nullable,
  };
}

export function bool(options: { optional?: boolean } = {}): FieldSpec {
  return {
    valid: fc.boolean(),
    hostile: fc.constantFrom('true', 'false', 1, 0, null, {}, [], 'yes'),
    optional: options.optional ?? false,
  };
}

export function int(min: number, max: number, options: { optional?: boolean } = {}): FieldSpec {
  return {
    valid: fc.integer({ min, max }),
    hostile: fc.oneof(
      fc.constantFrom(1.5, -0.5, Number.NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53 + 2, 1e20, -1e20, '1', true, null),
      fc.integer({ min: max + 1, max: max + 1_000_000 }),
      fc.integer({ min: min - 1_000_000, max: min - 1 }),
      fc.double({ min, max, noNaN: true }).filter((value) => !Number.isInteger(value)),
    ),
    optional: options.optional ?? false,
  };
}

export function oneOf(values: readonly string[], options: { optional?: boolean; nullable?: boolean } = {}): FieldSpec {
  const nullable = options.nullable ?? false;
  const valid = fc.constantFrom(...values);
  return {
    valid: nullable ? fc.option(valid, { nil: null }) : valid,
    hostile: fc.oneof(
      fc.string().filter((value) => !values.includes(value)),
      valid.map((value) => value.toUpperCase()).filter((value) => !values.includes(value)),
      valid.map((value) => `${value}\u0000`),
      valid.map((value) => ` ${value}'; --`),
      fc.constantFrom(...NON_STRINGS, ...nonNullish(nullable)),
    ),
    optional: options.optional ?? nullable,
  };
}

/** JSON values `jsonb` stores unchanged (no NUL, no unpaired surrogate, no `__proto__` key), shallow enough. */
export const storableJson = (maxDepth: number): fc.Arbitrary<unknown> =>
  fc.jsonValue({ maxDepth, stringUnit: 'grapheme' }).map(function clean(value: unknown): unknown {
    if (typeof value === 'string') return storable(value);
    if (Array.isArray(value)) return value.map(clean);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => [
          storable(key) === '__proto__' ? 'proto' : storable(key),
          clean(child),
        ]),
      );
    }
    return value;
  });

const deeplyNested = (depth: number) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { nested: value };
  return value;
};

/**
 * Marks the keys of hostile JSON objects and unknown DTO keys: a key is the caller's data, so no error text may
 * contain it (expectValidationError checks).
 */
export const CALLER_KEY_MARK = 'zz-caller-key-';
export const callerKey = () => fc.string({ maxLength: 12 }).map((suffix) => `${CALLER_KEY_MARK}${suffix}`);

export function jsonObject(
  options: { maxChars?: number; keyMax?: number; optional?: boolean; nullable?: boolean } = {},
): FieldSpec {
  const maxChars = options.maxChars ?? 16_384;
  const keyMax = options.keyMax ?? 100;
  const nullable = options.nullable ?? false;
  const valid = fc
    .dictionary(
      validText(0, 100).map((key) => (key === '__proto__' ? 'proto' : key)),
      storableJson(4),
      { maxKeys: 6 },
    )
    .filter((value) => JSON.stringify(value).length <= maxChars);
  const cycle: Record<string, unknown> = { a: 1 };
  cycle.self = cycle;
  return {
    valid: nullable ? fc.option(valid, { nil: null }) : valid,
    hostile: fc.oneof(
      fc.constantFrom(
        [],
        [1, 2],
        'a string',
        42,
        true,
        '{"a":1}',
        new Date(),
        new Map([['a', 1]]),
        ...nonNullish(nullable),
      ),
      fc.tuple(callerKey(), unstorableText()).map(([key, bad]) => ({ [key]: bad })),
      fc.tuple(callerKey(), unstorableText()).map(([key, bad]) => ({ [key]: { list: [1, bad] } })),
      fc.tuple(callerKey(), unstorableText()).map(([key, bad]) => ({ [`${key}${bad}`]: 1 })),
      fc
        .tuple(callerKey(), fc.integer({ min: 40, max: 20_000 }))
        .map(([key, depth]) => ({ [key]: deeplyNested(depth) })),
      fc
        .tuple(
          callerKey(),
          fc.constantFrom(Number.NaN, Infinity, undefined, new Date(), () => 1, 10n),
        )
        .map(([key, bad]) => ({ [key]: { [key]: bad } })),
      callerKey().map((key) => {
        const quoted = JSON.stringify(key);
        return JSON.parse(`{${quoted}:{"__proto__":{${quoted}:1}}}`) as unknown;
      }),
      callerKey().map((key) => ({ [`${key}${'k'.repeat(Math.min(keyMax + 1, maxChars + 1))}`]: 1 })),
      fc.constantFrom(JSON.parse('{"__proto__":{"isAdmin":true}}') as unknown, cycle, { big: 'x'.repeat(maxChars) }),
    ),
    optional: options.optional ?? nullable,
  };
}

/** Keys a lookup must refuse: unstorable text (NUL, unpaired surrogates), wrong types, the empty string. */
export const hostileKey = () =>
  fc.oneof(unstorableText(validText(1, 20)), fc.constantFrom(...NON_STRINGS, null, undefined, ''));

/** Cutoffs outside the four-digit years a timestamptz round-trips, and invalid dates. */
export const hostileCutoff = () =>
  fc.oneof(
    fc.date({ min: new Date(-8.64e15), max: new Date(TIMESTAMP_MIN.getTime() - 1), noInvalidDate: true }),
    fc.date({ min: new Date(TIMESTAMP_MAX.getTime() + 1), max: new Date(8.64e15), noInvalidDate: true }),
    fc.constant(new Date(Number.NaN)),
  );
