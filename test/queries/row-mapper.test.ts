import { randomUUID } from 'node:crypto';
import { count, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { npmVersion } from 'drizzle-orm/version';
import { describe, expect, it } from 'vitest';
import { currentExecutor } from '../../src/client/executor.js';
import { withColumnRowMapper } from '../../src/queries/_lib/row-mapper.js';
import * as schema from '../../src/schema/index.js';
import { factories } from '../../src/testing/index.js';

// withColumnRowMapper replaces Drizzle's mapResultRow on prepared queries of plain columns. On a row of every table
// (every column type the schema uses: timestamps, jsonb, bigint, enums, arrays, nulls), it must build the same
// objects as Drizzle's own mapping of the same select.

// On Drizzle 1.0 the helper steps aside: Drizzle's own mapper works by position too, and the upgrade compiles it
// (`jit: true`). The same checks then hold for that mapper: set on every prepared query of a table, rows as Drizzle's.
const DRIZZLE_1 = !npmVersion.startsWith('0.');

interface PreparedMappers {
  customResultMapper?: unknown;
  mapper?: { body?: unknown };
}
/** The per-position row mapper a prepared query runs: ours on 0.45, Drizzle's compiled one on 1.0. */
const positionalMapper = (prepared: unknown) => {
  const { customResultMapper, mapper } = prepared as PreparedMappers;
  return DRIZZLE_1 ? (typeof mapper?.body === 'string' ? mapper : undefined) : customResultMapper;
};

const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

describe('withColumnRowMapper', () => {
  it('maps a row of every table as Drizzle does', async () => {
    for (const factory of Object.values(factories)) await factory.create();
    // the one @internal-table no factory's rows fill (it has no factory): a row as a tenant move writes it
    await currentExecutor().insert(schema.tenantFences).values({ tenantId: randomUUID() });
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
      expect(positionalMapper(prepared), getTableName(table)).toBeTypeOf('function');
      expect(await prepared.execute(), getTableName(table)).toEqual(expected);
      if (expected.length === 0) empty.push(getTableName(table));
    }
    expect(empty).toEqual([]);
  });

  it('leaves a query with a computed field to Drizzle', () => {
    const prepared = currentExecutor().select({ n: count() }).from(schema.tenantInvites).prepare('row_mapper_count');
    const before = { ...(prepared as PreparedMappers) };
    withColumnRowMapper(prepared);
    expect((prepared as PreparedMappers).customResultMapper).toBeUndefined();
    expect((prepared as PreparedMappers).mapper).toBe(before.mapper);
  });
});
