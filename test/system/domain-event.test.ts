import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { DomainEventSchema, type DomainEvent, type NewDomainEvent } from '../../src/dto/system/domain-event.js';
import { NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { withTransaction } from '../../src/client/executor.js';
import { DomainEventQueries, OutboxTransactionError } from '../../src/queries/system/domain-event.js';
import { domainEvents } from '../../src/schema/tables/system/domain-event.js';
import { isolatedDatabase } from '../../src/testing/index.js';

const DAY = 86_400_000;

const event = (overrides: Partial<NewDomainEvent> = {}): NewDomainEvent => ({
  aggregateType: 'order',
  aggregateId: randomUUID(),
  eventType: 'order.placed',
  payload: { total: 42 },
  ...overrides,
});

const record = (e: NewDomainEvent) => withTransaction((tx) => DomainEventQueries.insertDomainEventInTransaction(tx, e));

describe('DomainEventQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<DomainEvent>().toEqualTypeOf<typeof domainEvents.$inferSelect>();
  });

  it('insertDomainEventInTransaction returns the pending row with the next sequence of its aggregate', async () => {
    const aggregateId = randomUUID();
    const first = await record(event({ aggregateId, correlationId: 'req-1' }));
    expect(first).toMatchObject({
      aggregateId,
      sequenceNumber: 1,
      status: 'pending',
      attempts: 0,
      correlationId: 'req-1',
    });
    expect(DomainEventSchema.parse(first)).toEqual(first);
    const [second, third] = await withTransaction(async (tx) => [
      await DomainEventQueries.insertDomainEventInTransaction(tx, event({ aggregateId })),
      await DomainEventQueries.insertDomainEventInTransaction(tx, event({ aggregateId })),
    ]);
    expect([second!.sequenceNumber, third!.sequenceNumber]).toEqual([2, 3]);
    expect((await record(event())).sequenceNumber).toBe(1);
  });

  it('insertDomainEventInTransaction refuses a non-transaction executor and invalid input', async () => {
    const handle = await isolatedDatabase();
    try {
      await expect(DomainEventQueries.insertDomainEventInTransaction(handle.db, event())).rejects.toBeInstanceOf(
        OutboxTransactionError,
      );
    } finally {
      await handle.close();
    }
    const error = await withTransaction((tx) =>
      DomainEventQueries.insertDomainEventInTransaction(tx, {
        ...event({ eventType: '', payload: [] as never }),
        sequenceNumber: 7,
      } as never),
    ).catch((e: unknown) => e);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'eventType', 'payload']);
  });

  it('an event written in a rolled-back change disappears with it', async () => {
    const aggregateId = randomUUID();
    await expect(
      withTransaction(async (tx) => {
        await DomainEventQueries.insertDomainEventInTransaction(tx, event({ aggregateId }));
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect((await DomainEventQueries.list({ filter: { aggregateType: 'order', aggregateId } })).items).toEqual([]);
    expect((await record(event({ aggregateId }))).sequenceNumber).toBe(1);
  });

  it('findById / getById; list pages newest first and filters by aggregate and status', async () => {
    const aggregateId = randomUUID();
    const written = [];
    for (let i = 0; i < 3; i++) written.push(await record(event({ aggregateId })));
    await record(event({ aggregateType: 'invoice' }));
    expect(await DomainEventQueries.findById(written[0]!.id)).toEqual(written[0]);
    expect(await DomainEventQueries.getById(written[0]!.id)).toEqual(written[0]);
    expect(await DomainEventQueries.findById(randomUUID())).toBeNull();
    await expect(DomainEventQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);

    const first = await DomainEventQueries.list({ limit: 2, filter: { aggregateType: 'order', aggregateId } });
    const second = await DomainEventQueries.list({
      limit: 2,
      cursor: first.nextCursor!,
      filter: { aggregateType: 'order', aggregateId },
    });
    expect([...first.items, ...second.items].map((e) => e.sequenceNumber).sort()).toEqual([1, 2, 3]);
    expect(second.nextCursor).toBeNull();
    expect((await DomainEventQueries.list({ filter: { aggregateType: 'invoice' } })).items).toHaveLength(1);
    await DomainEventQueries.markPublished([written[0]!.id]);
    expect((await DomainEventQueries.list({ filter: { status: 'published' } })).items.map((e) => e.id)).toEqual([
      written[0]!.id,
    ]);
    await expect(DomainEventQueries.list({ filter: { aggregateId } })).rejects.toBeInstanceOf(ValidationError);
  });

  it('claimBatch claims oldest pending first, counts attempts, and does not hand out a leased event again', async () => {
    const aggregateId = randomUUID();
    const written = [];
    for (let i = 0; i < 3; i++) written.push(await record(event({ aggregateId })));
    const batch = await DomainEventQueries.claimBatch(2);
    expect(batch.map((e) => e.sequenceNumber)).toEqual([1, 2]);
    expect(batch.every((e) => e.attempts === 1 && e.claimedUntil !== null)).toBe(true);
    expect((await DomainEventQueries.claimBatch(10)).map((e) => e.id)).toEqual([written[2]!.id]);
    expect(await DomainEventQueries.claimBatch(10)).toEqual([]);

    // the lease of a crashed publisher runs out: the event is claimable again, attempts kept
    await db
      .update(domainEvents)
      .set({ claimedUntil: new Date(Date.now() - 1000) })
      .where(eq(domainEvents.id, written[0]!.id));
    const again = await DomainEventQueries.claimBatch(10);
    expect(again.map((e) => [e.id, e.attempts])).toEqual([[written[0]!.id, 2]]);
    await expect(DomainEventQueries.claimBatch(0)).rejects.toBeInstanceOf(ValidationError);
  });

  it('markPublished moves claimed events to published once; published events are never claimed', async () => {
    const a = await record(event());
    const b = await record(event());
    expect(await DomainEventQueries.markPublished([a.id, b.id, randomUUID()])).toBe(2);
    expect(await DomainEventQueries.markPublished([a.id])).toBe(0);
    expect(await DomainEventQueries.markPublished([])).toBe(0);
    const published = await DomainEventQueries.getById(a.id);
    expect(published).toMatchObject({ status: 'published', claimedUntil: null });
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(await DomainEventQueries.claimBatch(10)).toEqual([]);
    await expect(DomainEventQueries.markPublished(['x'])).rejects.toBeInstanceOf(ValidationError);
  });

  it('markFailed keeps the truncated error; NotFoundError when not pending; failed events are never claimed', async () => {
    const e = await record(event());
    const failed = await DomainEventQueries.markFailed(e.id, 'x'.repeat(5000));
    expect(failed).toMatchObject({ status: 'failed', claimedUntil: null });
    expect(failed.lastError).toHaveLength(2000);
    const emoji = await DomainEventQueries.markFailed((await record(event())).id, `${'x'.repeat(1998)}😀😀😀`);
    expect(Array.from(emoji.lastError ?? '')).toHaveLength(2000);
    expect(emoji.lastError).not.toContain('\uFFFD');
    expect(emoji.lastError?.endsWith('😀…')).toBe(true);
    expect(failed.failedAt).toBeInstanceOf(Date);
    await expect(DomainEventQueries.markFailed(e.id, 'again')).rejects.toBeInstanceOf(NotFoundError);
    await expect(DomainEventQueries.markFailed(randomUUID(), 'boom')).rejects.toBeInstanceOf(NotFoundError);
    await expect(DomainEventQueries.markFailed(e.id, '')).rejects.toBeInstanceOf(ValidationError);
    expect(await DomainEventQueries.claimBatch(10)).toEqual([]);
  });

  it('prunePublished deletes published and failed events older than the cutoff, never pending ones', async () => {
    const now = Date.now();
    const [oldPublished, oldFailed, oldPending, newPublished] = [
      await record(event()),
      await record(event()),
      await record(event()),
      await record(event()),
    ];
    await DomainEventQueries.markPublished([oldPublished!.id, newPublished!.id]);
    await DomainEventQueries.markFailed(oldFailed!.id, 'boom');
    for (const e of [oldPublished!, oldFailed!, oldPending!]) {
      await db
        .update(domainEvents)
        .set({ createdAt: new Date(now - 40 * DAY) })
        .where(eq(domainEvents.id, e.id));
    }
    expect(await DomainEventQueries.prunePublished(new Date(now - 30 * DAY))).toBe(2);
    const left = (await DomainEventQueries.list()).items.map((e) => e.id).sort();
    expect(left).toEqual([oldPending!.id, newPublished!.id].sort());
    await expect(DomainEventQueries.prunePublished('soon' as never)).rejects.toBeInstanceOf(ValidationError);
  });
});
