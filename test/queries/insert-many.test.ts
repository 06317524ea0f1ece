import { beforeEach, describe, expect, it } from 'vitest';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { factories } from '../../src/testing/index.js';

// TodoQueries.createMany sends one `insert ... select * from unnest($1::uuid[], ...)` per chunk and per set of
// columns the rows set. Every value must arrive as the row-by-row insert stored it: text that array syntax quotes,
// nulls, booleans, timestamps to the millisecond; columns a row leaves out take their database default; each row
// gets its own id.

let tenantId: string;
let userId: string;

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  userId = (await factories.user.create()).id;
});

// The DTO trims a description (a leading BOM too), so every value here keeps its ends.
const TEXTS = ['{a,b}', '"quoted"', 'back\\slash', 'NULL', 'comma, here', 'a\uFEFFb', 'ünïcødé ✓', "it's", 'x\ny'];

describe('TodoQueries.createMany through unnest', () => {
  it('stores every value of every row as given, in two shapes and several chunks', async () => {
    const inputs = TEXTS.flatMap((text, i) => [
      {
        userId,
        title: `full ${i}`,
        description: text,
        completed: i % 2 === 0,
        dueAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i * 37)),
      },
      { userId, title: `sparse ${i}`, description: i % 2 === 0 ? null : text },
    ]);
    expect(await TodoQueries.createMany(inputs, { tenantId, chunkSize: 4 })).toBe(inputs.length);
    const stored = (await TodoQueries.list({ limit: 200 }, { tenantId })).items;
    expect(new Set(stored.map((t) => t.id)).size).toBe(inputs.length);
    const byTitle = new Map(stored.map((t) => [t.title, t]));
    for (const input of inputs) {
      const row = byTitle.get(input.title);
      expect(row, input.title).toMatchObject({
        tenantId,
        userId,
        description: input.description ?? null,
        completed: 'completed' in input ? input.completed : false,
        dueAt: 'dueAt' in input ? input.dueAt : null,
        deletedAt: null,
      });
      expect(row!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    }
  });
});
