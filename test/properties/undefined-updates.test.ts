import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DB_RUNS, assertHolds } from '../support/properties.js';
import { outcome, updateMethods } from '../support/update-methods.js';

// Drizzle drops `undefined` fields from a SET and throws a plain Error when none are left: every update method must
// treat any input whose given fields are all undefined exactly like `{}`.

describe('updates whose fields are all undefined', () => {
  it.each(updateMethods)('50 of them to $name come to what {} does', async ({ dto, target }) => {
    const update = await target();
    const unchanged = await outcome(update({}));
    const runs = await assertHolds(fc.subarray(Object.keys(dto.shape), { minLength: 1 }), async (keys) => {
      const input = Object.fromEntries(keys.map((key) => [key, undefined]));
      expect(await outcome(update(input))).toEqual(unchanged);
    });
    expect(runs).toBe(DB_RUNS);
  });
});
