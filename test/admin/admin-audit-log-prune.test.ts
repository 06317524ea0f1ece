import { expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { prune, pruneAll } from '../../src/queries/system/prune.js';
import { adminAuditLog } from '../../src/schema/tables/admin/admin-audit-log.js';

// admin_audit_log in the audit_events retention kind (the kind itself: test/system/prune.test.ts).

const DAY = 86_400_000;
const now = new Date('2030-06-01T00:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

it('audit_events deletes admin audit rows older than 90 days and keeps newer ones; pruneAll reports them', async () => {
  const seed = () =>
    db.insert(adminAuditLog).values([
      { action: 'older', createdAt: daysAgo(91) },
      { action: 'newer', createdAt: daysAgo(89) },
    ]);
  await seed();
  expect((await prune('audit_events', { now })).deleted).toMatchObject({ admin_audit_log: 1 });
  expect((await db.select().from(adminAuditLog)).map((r) => r.action)).toEqual(['newer']);

  await seed();
  const audit = (await pruneAll({ now })).find((result) => result.kind === 'audit_events');
  expect(audit?.deleted).toMatchObject({ admin_audit_log: 1 });
  expect((await db.select().from(adminAuditLog)).map((r) => r.action)).toEqual(['newer', 'newer']);
});
