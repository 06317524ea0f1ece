import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { TenantMemberSchema, type TenantMember } from '../../src/dto/tenant/tenant-member.js';
import {
  CheckViolationError,
  ConflictError,
  ForeignKeyError,
  MissingTenantError,
  NotFoundError,
  ValidationError,
} from '../../src/errors/classes.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { type tenantMembers } from '../../src/schema/tables/tenant/tenant-member.js';
import { withTenant } from '../../src/scope/tenant.js';
import { factories } from '../../src/testing/index.js';
import { createTenantWithOwner } from '../support/tenant-with-owner.js';

let tenantId: string;
let ownerId: string;
const scope = () => ({ tenantId });

beforeEach(async () => {
  const { tenant, owner } = await createTenantWithOwner();
  tenantId = tenant.id;
  ownerId = owner.id;
});

describe('TenantMemberQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<TenantMember>().toEqualTypeOf<typeof tenantMembers.$inferSelect>();
  });

  it('add creates a membership (member by default); find / get read it back', async () => {
    const user = await factories.user.create();
    const member = await TenantMemberQueries.add(user.id, undefined, scope());
    expect(member).toMatchObject({ tenantId, userId: user.id, role: 'member' });
    expect(TenantMemberSchema.parse(member)).toEqual(member);
    expect(await TenantMemberQueries.findByUserId(user.id, scope())).toEqual(member);
    expect(await TenantMemberQueries.getByUserId(user.id, scope())).toEqual(member);
    expect(await TenantMemberQueries.findByUserId(randomUUID(), scope())).toBeNull();
    await expect(TenantMemberQueries.getByUserId(randomUUID(), scope())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('add rejects bad input, a duplicate and an unknown user with typed errors', async () => {
    const user = await factories.user.create();
    await expect(TenantMemberQueries.add('nope', 'member', scope())).rejects.toBeInstanceOf(ValidationError);
    await expect(TenantMemberQueries.add(user.id, 'superuser' as never, scope())).rejects.toBeInstanceOf(
      ValidationError,
    );
    await TenantMemberQueries.add(user.id, 'admin', scope());
    await expect(TenantMemberQueries.add(user.id, 'member', scope())).rejects.toBeInstanceOf(ConflictError);
    await expect(TenantMemberQueries.add(randomUUID(), 'member', scope())).rejects.toBeInstanceOf(ForeignKeyError);
    expect((await TenantMemberQueries.getByUserId(user.id, scope())).role).toBe('admin');
  });

  it('changeRole updates the role and moves updated_at; NotFoundError for a non-member', async () => {
    const user = await factories.user.create();
    const member = await TenantMemberQueries.add(user.id, 'member', scope());
    const promoted = await TenantMemberQueries.changeRole(user.id, 'owner', scope());
    expect(promoted.role).toBe('owner');
    expect(promoted.updatedAt.getTime()).toBeGreaterThan(member.updatedAt.getTime());
    await expect(TenantMemberQueries.changeRole(randomUUID(), 'admin', scope())).rejects.toBeInstanceOf(NotFoundError);
    await expect(TenantMemberQueries.changeRole(user.id, 'root' as never, scope())).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('the last owner can be neither demoted nor removed: CheckViolationError naming the rule', async () => {
    const demote = await TenantMemberQueries.changeRole(ownerId, 'admin', scope()).catch((e: unknown) => e);
    expect(demote).toBeInstanceOf(CheckViolationError);
    expect((demote as CheckViolationError).constraint).toBe('tenant_members_keep_last_owner');
    expect((demote as Error).message).toMatch(/last owner/);
    const remove = await TenantMemberQueries.remove(ownerId, scope()).catch((e: unknown) => e);
    expect(remove).toBeInstanceOf(CheckViolationError);
    expect((remove as Error).message).toMatch(/last owner/);
    // the savepoint kept the surrounding transaction usable, and the owner is still there
    expect((await TenantMemberQueries.getByUserId(ownerId, scope())).role).toBe('owner');

    const second = await factories.user.create();
    await TenantMemberQueries.add(second.id, 'owner', scope());
    expect((await TenantMemberQueries.changeRole(ownerId, 'member', scope())).role).toBe('member');
    await expect(TenantMemberQueries.remove(second.id, scope())).rejects.toBeInstanceOf(CheckViolationError);
  });

  it('remove deletes a membership; NotFoundError when absent', async () => {
    const user = await factories.user.create();
    await TenantMemberQueries.add(user.id, 'admin', scope());
    expect((await TenantMemberQueries.remove(user.id, scope())).userId).toBe(user.id);
    expect(await TenantMemberQueries.findByUserId(user.id, scope())).toBeNull();
    await expect(TenantMemberQueries.remove(user.id, scope())).rejects.toBeInstanceOf(NotFoundError);
    await expect(TenantMemberQueries.remove('nope', scope())).rejects.toBeInstanceOf(ValidationError);
  });

  it("never reads or changes another tenant's members", async () => {
    const other = { tenantId: (await factories.tenants.create()).id };
    expect(await TenantMemberQueries.findByUserId(ownerId, other)).toBeNull();
    expect((await TenantMemberQueries.list({}, other)).items).toEqual([]);
    await expect(TenantMemberQueries.changeRole(ownerId, 'member', other)).rejects.toBeInstanceOf(NotFoundError);
    await expect(TenantMemberQueries.remove(ownerId, other)).rejects.toBeInstanceOf(NotFoundError);
    expect((await TenantMemberQueries.getByUserId(ownerId, scope())).role).toBe('owner');
  });

  it('takes the tenant from withTenant, and refuses to run without one', async () => {
    expect((await withTenant(tenantId, () => TenantMemberQueries.getByUserId(ownerId))).role).toBe('owner');
    await expect(TenantMemberQueries.findByUserId(ownerId)).rejects.toBeInstanceOf(MissingTenantError);
  });

  it('list pages newest first with a cursor, filtered by role', async () => {
    const added: TenantMember[] = [];
    for (let i = 0; i < 4; i++)
      added.push(
        await TenantMemberQueries.add((await factories.user.create()).id, i % 2 ? 'admin' : 'member', scope()),
      );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await TenantMemberQueries.list({ limit: 2, cursor }, scope());
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m) => m.userId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = [...added, await TenantMemberQueries.getByUserId(ownerId, scope())];
    const expected = all.sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.userId < b.userId ? 1 : -1),
    );
    expect(seen).toEqual(expected.map((m) => m.userId));
    const admins = await TenantMemberQueries.list({ filter: { role: 'admin' } }, scope());
    expect(admins.items.map((m) => m.userId).sort()).toEqual(
      added
        .filter((m) => m.role === 'admin')
        .map((m) => m.userId)
        .sort(),
    );
    await expect(TenantMemberQueries.list({ filter: { role: 'x' as never } }, scope())).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(TenantMemberQueries.list({ cursor: 'garbage' }, scope())).rejects.toBeInstanceOf(ValidationError);
  });
});
