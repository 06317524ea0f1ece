import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { WaitlistEntrySchema, type WaitlistEntry } from '../../src/dto/features/waitlist.js';
import { NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { WaitlistQueries } from '../../src/queries/features/waitlist.js';
import { waitlist } from '../../src/schema/tables/features/waitlist.js';
import { isolatedDatabase } from '../../src/testing/index.js';

const address = () => `wait-${randomUUID()}@example.com`;

describe('WaitlistQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<WaitlistEntry>().toEqualTypeOf<typeof waitlist.$inferSelect>();
  });

  it('join normalizes the email and returns the waiting entry', async () => {
    const email = address();
    const entry = await WaitlistQueries.join({
      email: `  ${email.toUpperCase()} `,
      source: ' launch-tweet ',
      referrer: 'https://x.example',
    });
    expect(entry).toMatchObject({
      email,
      source: 'launch-tweet',
      referrer: 'https://x.example',
      status: 'waiting',
      invitedAt: null,
    });
    expect(WaitlistEntrySchema.parse(entry)).toEqual(entry);
  });

  it('joining twice returns the existing entry, unchanged, not an error', async () => {
    const email = address();
    const first = await WaitlistQueries.join({ email, source: 'landing' });
    const again = await WaitlistQueries.join({ email: email.toUpperCase(), source: 'newsletter' });
    expect(again).toEqual(first);
    expect(await db.select().from(waitlist).where(eq(waitlist.email, email))).toHaveLength(1);
  });

  it('join validates before any SQL', async () => {
    const error = await WaitlistQueries.join({
      email: 'not-an-email',
      source: 'x'.repeat(101),
      status: 'joined',
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'email', 'source']);
  });

  it('findById / getById / findByEmail, null / NotFoundError when absent', async () => {
    const entry = await WaitlistQueries.join({ email: address() });
    expect(await WaitlistQueries.findById(entry.id)).toEqual(entry);
    expect(await WaitlistQueries.getById(entry.id)).toEqual(entry);
    expect(await WaitlistQueries.findByEmail(entry.email.toUpperCase())).toEqual(entry);
    expect(await WaitlistQueries.findById(randomUUID())).toBeNull();
    await expect(WaitlistQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    expect(await WaitlistQueries.findByEmail(address())).toBeNull();
    await expect(WaitlistQueries.findByEmail('nope')).rejects.toBeInstanceOf(ValidationError);
    await expect(WaitlistQueries.findById('nope')).rejects.toBeInstanceOf(ValidationError);
  });

  it('markInvited then markJoined move the status forward only, and repeat safely', async () => {
    const entry = await WaitlistQueries.join({ email: address() });
    const invited = await WaitlistQueries.markInvited(entry.id);
    expect(invited.status).toBe('invited');
    expect(invited.invitedAt).toBeInstanceOf(Date);
    expect(await WaitlistQueries.markInvited(entry.id)).toEqual(invited);
    const joined = await WaitlistQueries.markJoined(entry.id);
    expect(joined).toMatchObject({ status: 'joined', invitedAt: invited.invitedAt });
    expect(joined.joinedAt).toBeInstanceOf(Date);
    // never back: inviting a joined entry changes nothing
    expect(await WaitlistQueries.markInvited(entry.id)).toEqual(joined);
    expect(await WaitlistQueries.markJoined(entry.id)).toEqual(joined);
  });

  it('markJoined works for someone never invited; marks of unknown ids are NotFoundError', async () => {
    const entry = await WaitlistQueries.join({ email: address() });
    expect(await WaitlistQueries.markJoined(entry.id)).toMatchObject({ status: 'joined', invitedAt: null });
    await expect(WaitlistQueries.markInvited(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(WaitlistQueries.markJoined(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(WaitlistQueries.markJoined('nope')).rejects.toBeInstanceOf(ValidationError);
  });

  it('list pages newest first and filters by status', async () => {
    const before = (await WaitlistQueries.list({ limit: 200 })).items.length;
    const created: WaitlistEntry[] = [];
    for (let i = 0; i < 5; i++) created.push(await WaitlistQueries.join({ email: address() }));
    await WaitlistQueries.markInvited(created[1]!.id);
    await WaitlistQueries.markInvited(created[3]!.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await WaitlistQueries.list({ limit: 2, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(before + 5);
    expect(seen.slice(0, 5)).toEqual(created.map((e) => e.id).reverse());
    const invited = await WaitlistQueries.list({ filter: { status: 'invited' } });
    expect(invited.items.map((e) => e.id)).toEqual([created[3]!.id, created[1]!.id]);
    await expect(WaitlistQueries.list({ filter: { status: 'gone' as never } })).rejects.toBeInstanceOf(ValidationError);
  });

  it('concurrent joins of one email (committed, own database) make one entry', async () => {
    const handle = await isolatedDatabase();
    try {
      await runWithExecutor(handle.db, async () => {
        const email = address();
        const entries = await Promise.all(Array.from({ length: 8 }, () => WaitlistQueries.join({ email })));
        expect(new Set(entries.map((e) => e.id)).size).toBe(1);
        expect(await db.select().from(waitlist).where(eq(waitlist.email, email))).toHaveLength(1);
      });
    } finally {
      await handle.close();
    }
  });
});
