import fc from 'fast-check';
import { storableJson, validText } from './fields.js';

// Strings around U+FEFF for the fields the DTOs store untrimmed (a trimmed field loses a leading U+FEFF to
// String.prototype.trim before it reaches the database, the same way on both).

export const BOM = '\uFEFF';

/** Characters a decoder or a trim might also treat specially, next to a BOM. */
const NEIGHBOURS = [BOM, '\uFFFE', '\u200B', '\u2060', ' ', '\u00A0', '\t', '\n', 'a', 'é', '😀'] as const;

const neighbours = (minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...NEIGHBOURS), { minLength, maxLength }).map((chars) => chars.join(''));

/**
 * Text an untrimmed field stores as given, between `min` and `max` UTF-16 units: mostly a leading BOM (one to
 * three, then more odd characters), also a BOM alone or among its neighbours, one inside or at the end, and any
 * other storable text.
 */
export function untrimmedText(min: number, max: number): fc.Arbitrary<string> {
  const base = validText(0, max);
  // At a code point boundary: between the halves of a surrogate pair it would make two unstorable lone ones.
  const insideAt = fc.tuple(base, fc.nat()).map(([value, at]) => {
    const codePoints = [...value];
    codePoints.splice(at % (codePoints.length + 1), 0, BOM);
    return codePoints.join('');
  });
  return fc
    .oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.integer({ min: 1, max: 3 }), neighbours(0, 3), base)
          .map(([count, next, rest]) => BOM.repeat(count) + next + rest),
      },
      { weight: 1, arbitrary: neighbours(1, 6) },
      { weight: 1, arbitrary: insideAt },
      { weight: 1, arbitrary: base.map((value) => value + BOM) },
      { weight: 2, arbitrary: base },
    )
    .filter((value) => value.length >= min && value.length <= max);
}

const jsonKey = (max: number) => untrimmedText(0, max).map((key) => (key === '__proto__' ? 'proto' : key));

/** A JSON object (what jsonObject() accepts) whose keys and strings, nested too, are such text. */
export function bomJsonObject(): fc.Arbitrary<Record<string, unknown>> {
  const leaf = fc.oneof(untrimmedText(0, 50), storableJson(1));
  const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.dictionary(jsonKey(20), leaf, { maxKeys: 3 }));
  return fc.dictionary(jsonKey(100), value, { maxKeys: 6 });
}

/** System setting keys other than the ones with their own schema, so any JSON object is a valid value. */
export const settingKey = () =>
  fc.stringMatching(/^[a-z][a-z0-9_]{0,99}$/).filter((key) => key !== 'retention_settings');
