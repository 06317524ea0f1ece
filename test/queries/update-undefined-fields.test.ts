import { describe, expect, it } from 'vitest';
import { allUndefined, outcome, updateMethods } from '../support/update-methods.js';

// An update whose every field is `undefined` changes nothing, exactly like `{}` (Drizzle drops undefined fields and
// throws a plain Error on a SET with none left).

describe('update with every field undefined', () => {
  it.each(updateMethods)('update of $name comes to what {} does', async ({ dto, target }) => {
    const update = await target();
    const unchanged = await outcome(update({}));
    expect(await outcome(update(allUndefined(dto)))).toEqual(unchanged);
    const [first] = Object.keys(dto.shape);
    expect(await outcome(update({ [first!]: undefined }))).toEqual(unchanged);
  });
});
