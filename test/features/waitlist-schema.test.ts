import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { waitlist } from '../../src/schema/tables/features/waitlist.js';
import { violation } from '../support/constraint-violation.js';

const email = () => `wait-${randomUUID()}@example.com`;
const insert = (values: Partial<typeof waitlist.$inferInsert> = {}) =>
  db
    .insert(waitlist)
    .values({ email: email(), ...values })
    .returning();

describe('waitlist table', () => {
  it('defaults to waiting with no invite or join time', async () => {
    const [row] = await insert({ source: 'landing' });
    expect(row).toMatchObject({
      status: 'waiting',
      invitedAt: null,
      joinedAt: null,
      source: 'landing',
      referrer: null,
    });
  });

  it('stores each email once, lower-case only', async () => {
    const address = email();
    await insert({ email: address });
    expect(await violation(() => insert({ email: address }))).toMatchObject({ constraint: 'waitlist_email_unique' });
    expect(await violation(() => insert({ email: address.toUpperCase() }))).toMatchObject({
      constraint: 'waitlist_email_lower_case',
    });
  });

  it('status and its timestamps agree', async () => {
    const now = new Date();
    expect(await violation(() => insert({ status: 'invited' }))).toMatchObject({
      constraint: 'waitlist_status_timestamps',
    });
    expect(await violation(() => insert({ status: 'waiting', invitedAt: now }))).toMatchObject({
      constraint: 'waitlist_status_timestamps',
    });
    expect(await violation(() => insert({ status: 'joined', invitedAt: now }))).toMatchObject({
      constraint: 'waitlist_status_timestamps',
    });
    expect(await violation(() => insert({ status: 'invited', invitedAt: now, joinedAt: now }))).toMatchObject({
      constraint: 'waitlist_status_timestamps',
    });
    // joined without an invite is allowed (joined on their own), and so is invited then joined
    await expect(insert({ status: 'joined', joinedAt: now })).resolves.toHaveLength(1);
    await expect(insert({ status: 'joined', invitedAt: now, joinedAt: now })).resolves.toHaveLength(1);
  });

  it('bounds source and referrer', async () => {
    expect(await violation(() => insert({ source: 'x'.repeat(101) }))).toMatchObject({
      constraint: 'waitlist_source_length',
    });
    expect(await violation(() => insert({ referrer: 'x'.repeat(2049) }))).toMatchObject({
      constraint: 'waitlist_referrer_length',
    });
    const error = await violation(() =>
      db.execute(sql`insert into waitlist (email, status) values (${email()}, 'gone')`),
    );
    expect(error.code).toBe('22P02');
  });
});
