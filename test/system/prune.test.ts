import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { ValidationError } from '../../src/errors/classes.js';
import { withTransaction } from '../../src/client/executor.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { prune, pruneAll } from '../../src/queries/system/prune.js';
import { SystemSettingQueries } from '../../src/queries/system/system-setting.js';
import { domainEvents } from '../../src/schema/tables/system/domain-event.js';
import { tenantActivity } from '../../src/schema/tables/tenant/tenant-activity.js';
import { tenantInvites } from '../../src/schema/tables/tenant/tenant-invite.js';
import { factories } from '../../src/testing/index.js';

const DAY = 86_400_000;
const now = new Date('2030-06-01T00:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

// audit_events prunes every audit table the domains register (src/queries/system/prune.ts); tenant_activity is the
// one of a domain `pnpm db:remove` cannot take, the others (admin_audit_log) are checked with their domain.
async function seedAudit() {
  const tenant = await factories.tenants.create();
  await db.insert(tenantActivity).values([
    { tenantId: tenant.id, action: 'older', createdAt: daysAgo(91) },
    { tenantId: tenant.id, action: 'newer', createdAt: daysAgo(89) },
  ]);
}

/** `deleted` with `table`'s count, asserting every other table of the kind deleted 0 rows (none were seeded). */
function deletedFrom(deleted: Record<string, number>, table: string): number | undefined {
  expect(Object.entries(deleted).filter(([other, count]) => other !== table && count !== 0)).toEqual([]);
  return deleted[table];
}

/** Terminal invites 181 and 179 days old, and a pending one 200 days old (never pruned). */
async function seedInvites() {
  const tenant = await factories.tenants.create();
  const invite = (email: string, status: 'accepted' | 'revoked' | 'pending', age: number) => ({
    tenantId: tenant.id,
    email,
    tokenHash: randomUUID(),
    status,
    acceptedAt: status === 'accepted' ? daysAgo(age) : null,
    createdAt: daysAgo(age + 1),
    updatedAt: daysAgo(age),
    expiresAt: daysAgo(age - 6),
  });
  await db
    .insert(tenantInvites)
    .values([
      invite('old-accepted@example.com', 'accepted', 181),
      invite('old-revoked@example.com', 'revoked', 181),
      invite('recent@example.com', 'revoked', 179),
      invite('pending@example.com', 'pending', 200),
    ]);
}

async function seedEvents() {
  const ids = await withTransaction(async (tx) => {
    const rows = [];
    for (let i = 0; i < 3; i++) {
      rows.push(
        await DomainEventQueries.insertDomainEventInTransaction(tx, {
          aggregateType: 'order',
          aggregateId: randomUUID(),
          eventType: 'e',
        }),
      );
    }
    return rows.map((r) => r.id);
  });
  await DomainEventQueries.markPublished(ids);
  const ages = [31, 29, 31];
  for (const [i, id] of ids.entries()) {
    await db
      .update(domainEvents)
      .set({ createdAt: daysAgo(ages[i]!) })
      .where(eq(domainEvents.id, id));
  }
  // the third one stays pending although it is old
  await db.update(domainEvents).set({ status: 'pending', publishedAt: null }).where(eq(domainEvents.id, ids[2]!));
  return ids;
}

describe('prune by retention_settings', () => {
  it('audit_events: deletes audit rows older than 90 days, keeps newer ones', async () => {
    await seedAudit();
    const result = await prune('audit_events', { now });
    expect(result).toEqual({ kind: 'audit_events', cutoff: daysAgo(90), deleted: expect.any(Object) });
    expect(deletedFrom(result.deleted, 'tenant_activity')).toBe(1);
    expect((await db.select().from(tenantActivity)).map((r) => r.action)).toEqual(['newer']);
  });

  it('domain_events: deletes published events older than 30 days, keeps newer and pending ones', async () => {
    const [, newer, pending] = await seedEvents();
    expect((await prune('domain_events', { now })).deleted).toEqual({ domain_events: 1 });
    expect((await db.select({ id: domainEvents.id }).from(domainEvents)).map((r) => r.id).sort()).toEqual(
      [newer, pending].sort(),
    );
  });

  it('invitations: deletes terminal invites older than 180 days, keeps newer and pending ones', async () => {
    await seedInvites();
    expect(await prune('invitations', { now })).toEqual({
      kind: 'invitations',
      cutoff: daysAgo(180),
      deleted: { tenant_invites: 2 },
    });
    expect((await db.select({ email: tenantInvites.email }).from(tenantInvites)).map((r) => r.email).sort()).toEqual([
      'pending@example.com',
      'recent@example.com',
    ]);
  });

  it('follows the settings: a disabled kind or a missing/malformed policy deletes nothing', async () => {
    await seedAudit();
    const settings = await SystemSettingQueries.getOrThrow('retention_settings');
    await SystemSettingQueries.upsert('retention_settings', {
      ...settings.value,
      audit_events: { enabled: false, retention_days: 1 },
    });
    expect(await prune('audit_events', { now })).toEqual({ kind: 'audit_events', skipped: 'disabled', deleted: {} });
    await SystemSettingQueries.upsert('retention_settings', {
      ...settings.value,
      audit_events: { enabled: true, retention_days: 1 },
    });
    expect(deletedFrom((await prune('audit_events', { now })).deleted, 'tenant_activity')).toBe(2);

    await SystemSettingQueries.delete('retention_settings');
    expect(await prune('domain_events', { now })).toEqual({
      kind: 'domain_events',
      skipped: 'not_configured',
      deleted: {},
    });
    await expect(prune('sessions' as never)).rejects.toBeInstanceOf(ValidationError);
  });

  it('pruneAll runs every kind and reports per kind', async () => {
    await seedAudit();
    await seedInvites();
    await seedEvents();
    const results = await pruneAll({ now });
    expect(results.map((r) => r.kind)).toEqual(['audit_events', 'invitations', 'domain_events']);
    expect(deletedFrom(results[0]!.deleted, 'tenant_activity')).toBe(1);
    expect(results.slice(1).map((r) => r.deleted)).toEqual([{ tenant_invites: 2 }, { domain_events: 1 }]);
  });
});
