import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { withTransaction } from '../../src/client/executor.js';
import { readMigrationFiles } from '../../src/migrate/migration-files.js';
import { rejection } from '../support/db-rejection.js';
import { domainEventSequences } from '../../src/schema/tables/system/domain-event-sequence.js';
import { domainEvents } from '../../src/schema/tables/system/domain-event.js';
import { systemSettings } from '../../src/schema/tables/system/system-setting.js';

const RETENTION_DEFAULTS = {
  audit_events: { enabled: true, retention_days: 90 },
  invitations: { enabled: true, retention_days: 180 },
  domain_events: { enabled: true, retention_days: 30 },
};

const retentionRow = async () =>
  (await db.select().from(systemSettings).where(eq(systemSettings.key, 'retention_settings')))[0];

// Found by name, not path: Drizzle 1.0's drizzle-kit moves it to drizzle/<timestamp>_system_data/migration.sql.
const seedSql = () =>
  readMigrationFiles()
    .find((file) => file.name.endsWith('_system_data'))!
    .statements.join(';\n');

describe('system_settings: database rules', () => {
  it('the migrations ship the retention defaults exactly as specified', async () => {
    expect((await retentionRow())?.value).toEqual(RETENTION_DEFAULTS);
  });

  it('the retention seed is idempotent and never overwrites an operator change', async () => {
    const before = await retentionRow();
    await db.execute(sql.raw(seedSql()));
    expect(await retentionRow()).toEqual(before);

    const changed = { ...RETENTION_DEFAULTS, audit_events: { enabled: false, retention_days: 7 } };
    await db.update(systemSettings).set({ value: changed }).where(eq(systemSettings.key, 'retention_settings'));
    await db.execute(sql.raw(seedSql()));
    expect((await retentionRow())?.value).toEqual(changed);

    await db.delete(systemSettings).where(eq(systemSettings.key, 'retention_settings'));
    await db.execute(sql.raw(seedSql()));
    expect((await retentionRow())?.value).toEqual(RETENTION_DEFAULTS);
  });

  it('value must be a JSON object and key a snake_case name', async () => {
    expect(
      await rejection((tx) => tx.execute(sql`insert into system_settings (key, value) values ('x_list', '[]'::jsonb)`)),
    ).toMatch(/system_settings_value_object/);
    expect(await rejection((tx) => tx.insert(systemSettings).values({ key: 'Bad Key', value: {} }))).toMatch(
      /system_settings_key_format/,
    );
  });

  it('updated_at trigger moves on update', async () => {
    const [row] = await db
      .insert(systemSettings)
      .values({ key: `k_${Date.now()}`, value: { a: 1 } })
      .returning();
    const [updated] = await db
      .update(systemSettings)
      .set({ value: { a: 2 } })
      .where(eq(systemSettings.key, row!.key))
      .returning();
    expect(updated!.updatedAt.getTime()).toBeGreaterThan(row!.updatedAt.getTime());
  });
});

describe('domain_events: database rules', () => {
  // Straight to the table, not through the factory (DomainEventQueries): these rules must hold whatever a caller writes.
  const insertDomainEventRow = async (overrides: Partial<typeof domainEvents.$inferInsert> = {}) =>
    (
      await db
        .insert(domainEvents)
        .values({ aggregateType: 'order', aggregateId: randomUUID(), eventType: 'order.created', ...overrides })
        .returning()
    )[0]!;

  it('numbers each aggregate 1, 2, 3, independently of other aggregates, whatever the caller passes', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const seqA = [];
    const seqB = [];
    for (let i = 0; i < 3; i++) {
      seqA.push((await insertDomainEventRow({ aggregateId: a, sequenceNumber: 99 })).sequenceNumber);
      if (i < 2) seqB.push((await insertDomainEventRow({ aggregateId: b })).sequenceNumber);
    }
    // same id under another aggregate type is another stream
    const other = await insertDomainEventRow({ aggregateType: 'invoice', aggregateId: a });
    expect(seqA).toEqual([1, 2, 3]);
    expect(seqB).toEqual([1, 2]);
    expect(other.sequenceNumber).toBe(1);
    const [counter] = await db
      .select()
      .from(domainEventSequences)
      .where(and(eq(domainEventSequences.aggregateType, 'order'), eq(domainEventSequences.aggregateId, a)));
    expect(counter?.lastSequence).toBe(3);
  });

  it('a rolled-back insert leaves no gap', async () => {
    const aggregateId = randomUUID();
    await insertDomainEventRow({ aggregateId });
    await expect(
      withTransaction(async () => {
        await insertDomainEventRow({ aggregateId });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // a failing insert (check violation after the trigger ran) rolls its counter update back too
    expect(await rejection(() => insertDomainEventRow({ aggregateId, attempts: -1 }))).toMatch(
      /domain_events_attempts_non_negative/,
    );
    expect((await insertDomainEventRow({ aggregateId })).sequenceNumber).toBe(2);
  });

  it('an event keeps its aggregate and sequence number', async () => {
    const event = await insertDomainEventRow();
    expect(
      await rejection((tx) => tx.update(domainEvents).set({ sequenceNumber: 5 }).where(eq(domainEvents.id, event.id))),
    ).toMatch(/cannot change/);
    expect(
      await rejection((tx) => tx.update(domainEvents).set({ aggregateId: 'x' }).where(eq(domainEvents.id, event.id))),
    ).toMatch(/cannot change/);
  });

  it('checks attempts, payload shape and status timestamps', async () => {
    expect(
      await rejection((tx) =>
        tx.execute(
          sql`insert into domain_events (aggregate_type, aggregate_id, event_type, payload) values ('o', '1', 'e', '"s"'::jsonb)`,
        ),
      ),
    ).toMatch(/domain_events_payload_object/);
    const event = await insertDomainEventRow();
    expect(
      await rejection((tx) =>
        tx.update(domainEvents).set({ status: 'published' }).where(eq(domainEvents.id, event.id)),
      ),
    ).toMatch(/domain_events_published_at_status/);
    expect(
      await rejection((tx) => tx.update(domainEvents).set({ attempts: -1 }).where(eq(domainEvents.id, event.id))),
    ).toMatch(/domain_events_attempts_non_negative/);
  });
});
