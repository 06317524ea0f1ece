import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { db } from '../../src/client/db.js';
import { AdminAuditEntrySchema, type AdminAuditEntry } from '../../src/dto/admin/admin-audit-log.js';
import { NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { withTransaction } from '../../src/client/executor.js';
import { AdminAuditLogQueries } from '../../src/queries/admin/admin-audit-log.js';
import { adminAuditLog } from '../../src/schema/tables/admin/admin-audit-log.js';
import { factories } from '../../src/testing/index.js';

let adminUserId: string;
let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  adminUserId = (await factories.adminUsers.create()).id;
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  consoleError.mockRestore();
});

const DAY = 86_400_000;

describe('AdminAuditLogQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<AdminAuditEntry>().toEqualTypeOf<typeof adminAuditLog.$inferSelect>();
  });

  it('log writes the entry and returns the row DTO', async () => {
    const entry = await AdminAuditLogQueries.log({
      adminUserId,
      action: ' user.ban ',
      subjectType: 'user',
      subjectId: 'u-1',
      metadata: { reason: 'spam' },
      ipAddress: '2001:db8::1',
    });
    expect(entry).toMatchObject({
      adminUserId,
      action: 'user.ban',
      metadata: { reason: 'spam' },
      ipAddress: '2001:db8::1',
    });
    expect(AdminAuditEntrySchema.parse(entry)).toEqual(entry);
    expect(await AdminAuditLogQueries.getById(entry!.id)).toEqual(entry);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('log never throws: invalid input or a database error returns null and reports without values', async () => {
    expect(await AdminAuditLogQueries.log({ action: '', ipAddress: 'secret-value' } as never)).toBeNull();
    // unknown admin user: a foreign key failure in the database
    expect(
      await AdminAuditLogQueries.log({ adminUserId: randomUUID(), action: 'x', metadata: { token: 'secret-value' } }),
    ).toBeNull();
    expect(consoleError).toHaveBeenCalledTimes(2);
    const printed = JSON.stringify(consoleError.mock.calls);
    expect(printed).not.toContain('secret-value');
    expect(printed).toContain('23503');
  });

  it('a failed log inside a transaction leaves that transaction usable', async () => {
    const kept = await withTransaction(async () => {
      await AdminAuditLogQueries.log({ adminUserId: randomUUID(), action: 'fails' });
      return AdminAuditLogQueries.log({ adminUserId, action: 'after' });
    });
    expect(kept?.action).toBe('after');
  });

  it('findById / getById: null / NotFoundError when absent, ValidationError for a bad id', async () => {
    expect(await AdminAuditLogQueries.findById(randomUUID())).toBeNull();
    await expect(AdminAuditLogQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(AdminAuditLogQueries.findById('x')).rejects.toBeInstanceOf(ValidationError);
  });

  it('list pages newest first and filters by admin user, subject and action', async () => {
    const other = (await factories.adminUsers.create()).id;
    const logged: AdminAuditEntry[] = [];
    for (let i = 0; i < 5; i++) {
      logged.push(
        (await AdminAuditLogQueries.log({
          adminUserId: i < 3 ? adminUserId : other,
          action: i % 2 ? 'user.ban' : 'user.view',
          subjectType: 'user',
          subjectId: `u-${i % 2}`,
        }))!,
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await AdminAuditLogQueries.list({ limit: 2, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const newestFirst = [...logged].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(seen).toEqual(newestFirst.map((e) => e.id));
    expect((await AdminAuditLogQueries.list({ filter: { adminUserId: other } })).items).toHaveLength(2);
    expect((await AdminAuditLogQueries.list({ filter: { subjectType: 'user', subjectId: 'u-1' } })).items).toHaveLength(
      2,
    );
    expect((await AdminAuditLogQueries.list({ filter: { action: 'user.view' } })).items).toHaveLength(3);
    await expect(AdminAuditLogQueries.list({ filter: { subjectId: 'u-1' } })).rejects.toBeInstanceOf(ValidationError);
  });

  it('pruneAuditEvents deletes only entries older than the cutoff and returns the count', async () => {
    const now = Date.now();
    await db.insert(adminAuditLog).values([
      { action: 'old-1', createdAt: new Date(now - 100 * DAY) },
      { action: 'old-2', createdAt: new Date(now - 91 * DAY) },
      { action: 'recent', createdAt: new Date(now - 10 * DAY) },
    ]);
    expect(await AdminAuditLogQueries.pruneAuditEvents(new Date(now - 90 * DAY))).toBe(2);
    expect((await AdminAuditLogQueries.list()).items.map((e) => e.action)).toEqual(['recent']);
    await expect(AdminAuditLogQueries.pruneAuditEvents(new Date('nope'))).rejects.toBeInstanceOf(ValidationError);
  });
});
