import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import {
  bigint,
  boolean,
  date,
  integer,
  interval,
  json,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase, type PgliteHandle } from '../../src/client/pglite.js';
import type { Database } from '../../src/client/types.js';

// createPgliteDatabase sets Drizzle's parsers on the instance once instead of per query; every column type must
// read back exactly as stock drizzle-orm/pglite (parsers passed on each query) reads it.

const sample = pgTable('parser_sample', {
  id: integer('id').primaryKey(),
  at: timestamp('at', { mode: 'date' }),
  atText: timestamp('at_text', { mode: 'string' }),
  atTz: timestamp('at_tz', { mode: 'date', withTimezone: true, precision: 6 }),
  atTzText: timestamp('at_tz_text', { mode: 'string', withTimezone: true }),
  day: date('day', { mode: 'date' }),
  dayText: date('day_text', { mode: 'string' }),
  span: interval('span'),
  amount: numeric('amount'),
  amounts: numeric('amounts').array(),
  stamps: timestamp('stamps', { mode: 'date' }).array(),
  stampsTz: timestamp('stamps_tz', { mode: 'string', withTimezone: true }).array(),
  days: date('days', { mode: 'string' }).array(),
  spans: interval('spans').array(),
  tags: text('tags').array(),
  counts: integer('counts').array(),
  big: bigint('big', { mode: 'bigint' }),
  flag: boolean('flag'),
  ref: uuid('ref'),
  doc: json('doc'),
  docb: jsonb('docb'),
});

const CREATE = `create table parser_sample (
  id int primary key, at timestamp, at_text timestamp, at_tz timestamptz(6), at_tz_text timestamptz, day date,
  day_text date, span interval, amount numeric, amounts numeric[], stamps timestamp[], stamps_tz timestamptz[],
  days date[], spans interval[], tags text[], counts int[], big bigint, flag boolean, ref uuid, doc json, docb jsonb)`;

const ROWS = [
  {
    id: 1,
    at: new Date('2026-03-29T01:30:00.123Z'),
    atText: '2026-03-29 01:30:00.123456',
    atTz: new Date('1999-12-31T23:59:59.999Z'),
    atTzText: '2026-10-25 02:30:00.5+00',
    day: new Date('2024-02-29T00:00:00Z'),
    dayText: '0099-01-01',
    span: '1 year 2 mons 3 days 04:05:06.789',
    amount: '12345678901234567890.000000000001',
    amounts: ['1.10', '-0.000001', 'NaN'],
    stamps: [new Date('2020-01-01T00:00:00Z'), new Date('2038-01-19T03:14:08.001Z')],
    stampsTz: ['2026-01-01 00:00:00+00', '1970-01-01 00:00:00.000001+00'],
    days: ['2026-12-31', '1900-02-28'],
    spans: ['00:00:01', '-2 days'],
    tags: ['a', 'b c', '', '"quoted"', 'NULL'],
    counts: [1, -2, 2147483647],
    big: 9007199254740993n,
    flag: true,
    ref: '0190f5a2-7b3c-7d4e-8f00-000000000001',
    doc: { nested: [1, 'two', null], at: '2026-01-01T00:00:00.000Z' },
    docb: ['x', { y: 1.5 }],
  },
  { id: 2 },
];

async function readAll(db: Database) {
  const selected = await db.select().from(sample).orderBy(sample.id);
  const executed = await db.execute(sql`select * from parser_sample order by id`);
  const inTransaction = await db.transaction(async (tx) => {
    const rows = await tx.select().from(sample).orderBy(sample.id);
    const nested = await tx.transaction((inner) => inner.select().from(sample).orderBy(sample.id));
    return { rows, nested };
  });
  const prepared = await db.select().from(sample).orderBy(sample.id).prepare('parser_sample_all').execute();
  return { selected, executed: (executed as unknown as { rows: unknown[] }).rows, inTransaction, prepared };
}

describe('PGlite with the parsers set once (createPgliteDatabase)', () => {
  let handle: PgliteHandle;
  let stockClient: PGlite;
  let stock: Database;

  beforeAll(async () => {
    handle = createPgliteDatabase(null);
    stockClient = new PGlite();
    stock = drizzle({ client: stockClient }) as unknown as Database;
    for (const db of [handle.db, stock]) {
      await db.execute(sql.raw(CREATE));
      await db.insert(sample).values(ROWS);
    }
  });

  afterAll(async () => {
    await handle.close();
    await stockClient.close();
  });

  it('reads every column type as stock drizzle-orm/pglite does (select, execute, transactions, prepared)', async () => {
    const ours = await readAll(handle.db);
    expect(ours).toEqual(await readAll(stock));
    expect(ours.selected[0]).toEqual({ ...ROWS[0], atTzText: '2026-10-25 02:30:00.5+00' });
  });

  it('sends no per-query parsers: the instance table is never copied', async () => {
    const table = handle.client.parsers;
    let copies = 0;
    const spy = new Proxy(table, {
      ownKeys(target) {
        copies += 1;
        return Reflect.ownKeys(target);
      },
    });
    handle.client.parsers = spy;
    try {
      await handle.db.select().from(sample);
      await handle.db.execute(sql`select 1`);
      await handle.db.transaction((tx) => tx.select().from(sample));
    } finally {
      handle.client.parsers = table;
    }
    expect(copies).toBe(0);
  });
});
