import { count, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { currentExecutor } from '../../src/client/executor.js';
import { withColumnRowMapper } from '../../src/queries/_lib/row-mapper.js';
import * as schema from '../../src/schema/index.js';
import { factories } from '../../src/testing/index.js';

// withColumnRowMapper replaces Drizzle's mapResultRow on prepared queries of plain columns. On a row of every table
// (every column type the schema uses: timestamps, jsonb, bigint, enums, arrays, nulls), it must build the same
// objects as Drizzle's own mapping of the same select.

const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

describe('withColumnRowMapper', () => {
  it('maps a row of every table as Drizzle does', async () => {
    for (const factory of Object.values(factories)) await factory.create();
    const db = currentExecutor();
    const empty: string[] = [];
    for (const table of tables) {
      const expected = await db.select().from(table);
      const prepared = withColumnRowMapper(
        db
          .select()
          .from(table)
          .prepare(`row_mapper_${getTableName(table)}`),
      );
      expect((prepared as unknown as { customResultMapper?: unknown }).customResultMapper).toBeTypeOf('function');
      expect(await prepared.execute(), getTableName(table)).toEqual(expected);
      if (expected.length === 0) empty.push(getTableName(table));
    }
    expect(empty).toEqual([]);
  });

  it('leaves a query with a computed field to Drizzle', () => {
    const prepared = withColumnRowMapper(
      currentExecutor().select({ n: count() }).from(schema.todos).prepare('row_mapper_count'),
    );
    expect((prepared as unknown as { customResultMapper?: unknown }).customResultMapper).toBeUndefined();
  });
});
