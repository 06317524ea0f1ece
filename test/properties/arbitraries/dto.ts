import fc from 'fast-check';
import { callerKey, type FieldSpec } from './fields.js';

export type DtoSpec = Record<string, FieldSpec>;

/** A hostile input and the field path its ValidationError must name ('(root)' for the input as a whole). */
export interface HostileCase {
  input: unknown;
  path: string;
  /** What was done to a valid input, for the failure report. */
  how: string;
}

/** Valid inputs: every required field, and each optional one present or not. */
export function validInput(spec: DtoSpec): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(spec).map(([name, field]) => [name, field.valid]));
  const requiredKeys = Object.entries(spec)
    .filter(([, field]) => !field.optional)
    .map(([name]) => name);
  return fc.record(fields, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}

const NOT_OBJECTS: unknown[] = [null, undefined, 'a string', 42, true, [], [{}], 10n];

/**
 * Hostile inputs built from valid ones: one field given a hostile value, a required field left out, an unknown key
 * added (strict DTOs refuse it), or something that is not an object at all. `valid` defaults to validInput(spec)
 * and lets a caller fix the valid part (real parent ids, cross-field rules).
 */
export function hostileInput(spec: DtoSpec, valid = validInput(spec)): fc.Arbitrary<HostileCase> {
  const names = Object.keys(spec);
  const required = names.filter((name) => !spec[name]!.optional);
  const badField = fc
    .constantFrom(...names)
    .chain((name) =>
      fc
        .tuple(
          valid,
          spec[name]!.optional ? spec[name]!.hostile.filter((bad) => bad !== undefined) : spec[name]!.hostile,
        )
        .map(([input, bad]): HostileCase => ({ input: { ...input, [name]: bad }, path: name, how: `bad ${name}` })),
    );
  const missing =
    required.length === 0
      ? []
      : [
          fc.tuple(valid, fc.constantFrom(...required)).map(([input, name]): HostileCase => {
            const { [name]: _dropped, ...rest } = input;
            return { input: rest, path: name, how: `missing ${name}` };
          }),
        ];
  const extraKey = fc
    .tuple(
      valid,
      fc.oneof(
        fc.string({ minLength: 1 }),
        callerKey(),
        fc.constantFrom("'; drop table x; --", 'id', 'tenantId', 'createdAt'),
      ),
      fc.jsonValue(),
    )
    .filter(([, key]) => !names.includes(key) && key !== '__proto__')
    .map(([input, key, value]): HostileCase => ({
      input: { ...input, [key]: value },
      path: '(root)',
      how: `extra ${key}`,
    }));
  const notObject = fc
    .constantFrom(...NOT_OBJECTS)
    .map((input): HostileCase => ({ input, path: '(root)', how: 'not an object' }));
  return fc.oneof(
    { weight: 6, arbitrary: badField },
    ...missing.map((arbitrary) => ({ weight: 1, arbitrary })),
    { weight: 1, arbitrary: extraKey },
    { weight: 1, arbitrary: notObject },
  );
}
