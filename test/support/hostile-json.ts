import { expect } from 'vitest';
import { ValidationError } from '../../src/errors/classes.js';

// Keys of free-form JSON are the caller's data, like its values: a ValidationError names the schema field and says
// what is wrong, never repeating a key (a key may well be a secret, or a customer's data). Shared by each domain's
// JSON fields (test/dto/json-keys.test.ts for the core, the domains' own folders for theirs).

export const SECRET = 'zz-secret-8c41';

const deep = (depth: number): unknown => (depth === 0 ? 1 : { [SECRET]: deep(depth - 1) });

/** JSON objects each refused for a problem found under a key that carries SECRET. */
export const hostileObjects: { how: string; value: unknown }[] = [
  { how: 'an overlong key', value: { [`${SECRET}${'k'.repeat(300_000)}`]: 1 } },
  { how: 'a __proto__ key', value: JSON.parse(`{"${SECRET}":{"__proto__":{"${SECRET}":1}}}`) as unknown },
  { how: 'a key with NUL', value: { [`${SECRET}\u0000`]: 1 } },
  { how: 'a key with a lone surrogate', value: { [SECRET]: { [`${SECRET}\uD800`]: 1 } } },
  { how: 'a non-finite number', value: { [SECRET]: { [SECRET]: Number.NaN } } },
  { how: 'an unstorable string', value: { [SECRET]: [`${SECRET}\u0000`] } },
  { how: 'a non-JSON value', value: { [SECRET]: new Date() } },
  { how: 'nesting too deep', value: deep(40) },
];

/** A ValidationError naming exactly `fields`, with SECRET nowhere in its text. */
export function expectRefusedWithoutKey(error: unknown, fields: string[]) {
  expect(error).toBeInstanceOf(ValidationError);
  const validation = error as ValidationError;
  expect(validation.fields).toEqual(fields);
  for (const text of [validation.message, String(validation), JSON.stringify(validation.issues)]) {
    expect(text).not.toContain(SECRET);
  }
}

/** The rejection of `call`, or undefined when it succeeded. */
export const rejection = (call: () => Promise<unknown>) =>
  call().then(
    () => undefined,
    (error: unknown) => error,
  );
