import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { db } from '../../src/client/db.js';
import {
  TenantActivitySchema,
  type CreateTenantActivity,
  type TenantActivity,
  type TenantActivityFilter,
} from '../../src/dto/tenant/tenant-activity.js';
import { MissingTenantError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { withTransaction } from '../../src/client/executor.js';
import { TenantActivityQueries } from '../../src/queries/tenant/tenant-activity.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { tenantActivity } from '../../src/schema/tables/tenant/tenant-activity.js';
import { withTenant } from '../../src/scope/tenant.js';
import { factories } from '../../src/testing/index.js';

let tenantId: string;
let actorUserId: string;
const scope = () => ({ tenantId });
let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  actorUserId = (await factories.user.create()).id;
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  consoleError.mockRestore();
});

describe('TenantActivityQueries', () => {
  it('row DTO type is the table row type; metadata is optional on create', () => {
    expectTypeOf<TenantActivity>().toEqualTypeOf<typeof tenantActivity.$inferSelect>();
    expectTypeOf<{ action: string }>().toExtend<CreateTenantActivity>();
  });

  it('log records an entry (metadata defaults to {}) and findById / getById read it', async () => {
    const entry = await TenantActivityQueries.log({
      tenantId,
      actorUserId,
      action: ' member.invited ',
      subjectType: 'invite',
      subjectId: 'inv_1',
    });
    expect(entry).toMatchObject({
      tenantId,
      actorUserId,
      action: 'member.invited',
      subjectType: 'invite',
      subjectId: 'inv_1',
      metadata: {},
    });
    expect(TenantActivitySchema.parse(entry)).toEqual(entry);
    expect(await TenantActivityQueries.findById(entry!.id, scope())).toEqual(entry);
    expect(await TenantActivityQueries.getById(entry!.id, scope())).toEqual(entry);
    expect(await TenantActivityQueries.findById(randomUUID(), scope())).toBeNull();
    await expect(TenantActivityQueries.getById(randomUUID(), scope())).rejects.toBeInstanceOf(NotFoundError);
    await expect(TenantActivityQueries.findById('x', scope())).rejects.toBeInstanceOf(ValidationError);
    const ambient = await withTenant(tenantId, () =>
      TenantActivityQueries.log({ action: 'tenant.renamed', metadata: { from: 'A', to: 'B' } }),
    );
    expect(ambient).toMatchObject({ tenantId, actorUserId: null, metadata: { from: 'A', to: 'B' } });
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('log never throws: invalid input, no tenant, an unknown tenant or actor all return null and report without values', async () => {
    const secret = `secret-${randomUUID()}`;
    expect(await TenantActivityQueries.log({ tenantId, action: '', metadata: { secret } })).toBeNull();
    expect(await TenantActivityQueries.log({ tenantId, action: 'x', metadata: [secret] as never })).toBeNull();
    expect(await TenantActivityQueries.log({ action: secret })).toBeNull();
    expect(await TenantActivityQueries.log({ tenantId: randomUUID(), action: secret })).toBeNull();
    expect(await TenantActivityQueries.log({ tenantId, actorUserId: randomUUID(), action: secret })).toBeNull();
    expect(await TenantActivityQueries.log(null as never)).toBeNull();
    expect(consoleError).toHaveBeenCalledTimes(6);
    const printed = consoleError.mock.calls.flat().map(String).join('\n');
    expect(printed).not.toContain(secret);
    expect(printed).toMatch(/ValidationError/);
    expect(printed).toMatch(/ForeignKeyError/);
    expect(await db.$count(tenantActivity, sql`${tenantActivity.tenantId} = ${tenantId}`)).toBe(0);
  });

  it("a failed log does not fail the caller's transaction", async () => {
    const user = await factories.user.create();
    await withTransaction(async () => {
      await TenantMemberQueries.add(user.id, 'member', scope());
      expect(
        await TenantActivityQueries.log({ tenantId, actorUserId: randomUUID(), action: 'member.added' }),
      ).toBeNull();
      await TenantActivityQueries.log({ tenantId, action: 'member.added', subjectType: 'user', subjectId: user.id });
    });
    expect((await TenantMemberQueries.getByUserId(user.id, scope())).role).toBe('member');
    expect((await TenantActivityQueries.list({}, scope())).items.map((e) => e.subjectId)).toEqual([user.id]);
  });

  it('list pages newest first with a cursor and filters, and stays in its tenant', async () => {
    const logged: TenantActivity[] = [];
    for (let i = 0; i < 5; i++) {
      const entry = await TenantActivityQueries.log({
        tenantId,
        actorUserId: i % 2 ? actorUserId : null,
        action: i < 3 ? 'a.one' : 'a.two',
        subjectType: 'thing',
        subjectId: `t${i}`,
      });
      logged.push(entry!);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await TenantActivityQueries.list({ limit: 2, cursor }, scope());
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = [...logged].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(seen).toEqual(expected.map((e) => e.id));
    const subjects = async (filter: TenantActivityFilter) =>
      (await TenantActivityQueries.list({ filter }, scope())).items.map((e) => e.subjectId).sort();
    expect(await subjects({ action: 'a.two' })).toEqual(['t3', 't4']);
    expect(await subjects({ actorUserId })).toEqual(['t1', 't3']);
    expect(
      (await TenantActivityQueries.list({ filter: { subjectType: 'thing', subjectId: 't2' } }, scope())).items,
    ).toHaveLength(1);
    await expect(TenantActivityQueries.list({ filter: { actorUserId: 'x' } }, scope())).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(TenantActivityQueries.list({})).rejects.toBeInstanceOf(MissingTenantError);

    const other = { tenantId: (await factories.tenants.create()).id };
    expect((await TenantActivityQueries.list({}, other)).items).toEqual([]);
    expect(await TenantActivityQueries.findById(logged[0]!.id, other)).toBeNull();
  });

  it('pruneOlderThan deletes entries created before the date, in every tenant, and counts them', async () => {
    const otherTenant = (await factories.tenants.create()).id;
    const old = new Date(Date.now() - 100 * 86_400_000);
    await db.insert(tenantActivity).values([
      { tenantId, action: 'old', createdAt: old },
      { tenantId: otherTenant, action: 'old', createdAt: old },
    ]);
    const recent = await TenantActivityQueries.log({ tenantId, action: 'recent' });
    expect(await TenantActivityQueries.pruneOlderThan(new Date(Date.now() - 90 * 86_400_000))).toBe(2);
    expect((await TenantActivityQueries.list({}, scope())).items.map((e) => e.id)).toEqual([recent!.id]);
    expect((await TenantActivityQueries.list({}, { tenantId: otherTenant })).items).toEqual([]);
    await expect(TenantActivityQueries.pruneOlderThan('yesterday' as never)).rejects.toBeInstanceOf(ValidationError);
  });
});
