import { and } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { eqEachSet } from '../../src/queries/_lib/filters.js';
import { domainEvents } from '../../src/schema/tables/system/domain-event.js';

const render = (filter: Parameters<typeof eqEachSet<typeof domainEvents, object>>[1]) =>
  new PgDialect().sqlToQuery(and(...eqEachSet(domainEvents, filter))!);

describe('eqEachSet', () => {
  it('compares each set field with the column of its name, and skips unset ones', () => {
    expect(render({ aggregateType: 'todo', aggregateId: undefined, status: 'failed' })).toMatchObject({
      sql: '("domain_events"."aggregate_type" = $1 and "domain_events"."status" = $2)',
      params: ['todo', 'failed'],
    });
  });
});

// Checked by `pnpm typecheck`: a filter field must be named after a column.
// @ts-expect-error `aggregate` is not a column of domain_events
export const notAColumn = () => eqEachSet(domainEvents, { aggregate: 'todo' });
