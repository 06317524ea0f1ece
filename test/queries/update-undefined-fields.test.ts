import { describe, expect, it } from 'vitest';
import { allUndefined, updateMethods } from '../support/update-methods.ts';

// An update whose every field is `undefined` changes nothing, exactly like `{}` (Drizzle drops undefined fields and
// throws a plain Error on a SET with none left).

describe('update with every field undefined', () => {
  it.each(updateMethods)('update of $name returns the row unchanged, as {} does', async ({ dto, target }) => {
    const update = await target();
    const unchanged = await update({});
    expect(await update(allUndefined(dto))).toEqual(unchanged);
    const [first] = Object.keys(dto.shape);
    expect(await update({ [first!]: undefined })).toEqual(unchanged);
  });
});
