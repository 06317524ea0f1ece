import { randomUUID } from 'node:crypto';
import { and } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { currentExecutor } from '../../src/client/executor.js';
import { eqEachSet } from '../../src/queries/_lib/filters.js';
import { domainEvents } from '../../src/schema/tables/system/domain-event.js';
import { factories } from '../../src/testing/index.js';

type Filter = Parameters<typeof eqEachSet<typeof domainEvents, object>>[1];

const idsMatching = async (filter: Filter, scope: string[]) => {
  const rows = await currentExecutor()
    .select({ id: domainEvents.id })
    .from(domainEvents)
    .where(and(...eqEachSet(domainEvents, filter)));
  return rows.map((row) => row.id).filter((id) => scope.includes(id));
};

describe('eqEachSet', () => {
  it('compares each set field with the column of its name, and skips unset ones', async () => {
    const [todoType, tenantType] = [`todo_${randomUUID()}`, `tenant_${randomUUID()}`];
    const [x, y] = [randomUUID(), randomUUID()];
    const a = await factories.domainEvents.create({ aggregateType: todoType, aggregateId: x });
    const b = await factories.domainEvents.create({ aggregateType: todoType, aggregateId: y });
    const c = await factories.domainEvents.create({ aggregateType: tenantType, aggregateId: x });
    const scope = [a.id, b.id, c.id];

    expect(await idsMatching({ aggregateType: todoType, aggregateId: x, status: undefined }, scope)).toEqual([a.id]);
    expect((await idsMatching({ aggregateType: todoType, aggregateId: undefined }, scope)).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect((await idsMatching({ aggregateId: x }, scope)).sort()).toEqual([a.id, c.id].sort());
    expect((await idsMatching({ aggregateType: undefined }, scope)).sort()).toEqual([...scope].sort());
    expect(await idsMatching({ aggregateType: todoType, status: 'failed' }, scope)).toEqual([]);
  });

  it('binds each set value as a parameter, in the order of the filter (parentheses aside: 1.0 adds some)', () => {
    const query = new PgDialect().sqlToQuery(
      and(...eqEachSet(domainEvents, { aggregateType: 'todo', aggregateId: undefined, status: 'failed' }))!,
    );
    expect({ ...query, sql: query.sql.replace(/[()]/g, '') }).toMatchObject({
      sql: '"domain_events"."aggregate_type" = $1 and "domain_events"."status" = $2',
      params: ['todo', 'failed'],
    });
  });
});

// Checked by `pnpm typecheck`: a filter field must be named after a column.
// @ts-expect-error `aggregate` is not a column of domain_events
export const notAColumn = () => eqEachSet(domainEvents, { aggregate: 'todo' });
