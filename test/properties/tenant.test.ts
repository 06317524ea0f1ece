import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CreateTenantActivitySchema,
  CreateTenantSchema,
  CreateTenantInviteSchema,
  CreateTenantMemberSchema,
  TenantActivityFilterSchema,
  TenantFilterSchema,
  TenantMemberFilterSchema,
  UpdateTenantSchema,
  UpdateTenantInviteSchema,
  UpdateTenantMemberSchema,
} from '../../src/dto/tenant/index.js';
import { TenantActivityQueries } from '../../src/queries/tenant/tenant-activity.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { tenantActivity } from '../../src/schema/tables/tenant/tenant-activity.js';
import { tenantInvites } from '../../src/schema/tables/tenant/tenant-invite.js';
import { tenantMembers } from '../../src/schema/tables/tenant/tenant-member.js';
import { tenants } from '../../src/schema/tables/tenant/tenant.js';
import { withTenant } from '../../src/scope/tenant.js';
import {
  DB_RUNS,
  DTO_RUNS,
  assertDtoAccepts,
  assertDtoRefuses,
  assertLookupRefuses,
  assertLoggerDrops,
  assertMethodRefuses,
  assertRoundTrips,
  expectFieldsEqual,
  expectJsonObjects,
} from '../support/properties.js';
import { hostileInput, validInput } from './arbitraries/dto.js';
import { hostileCutoff, hostileKey } from './arbitraries/fields.js';
import * as arb from './arbitraries/tenant.js';
import { factories } from '../../src/testing/index.js';

const dtos = [
  { name: 'CreateTenantSchema', schema: CreateTenantSchema, spec: arb.createTenant() },
  { name: 'UpdateTenantSchema', schema: UpdateTenantSchema, spec: arb.updateTenant() },
  { name: 'TenantFilterSchema', schema: TenantFilterSchema, spec: arb.tenantListFilter() },
  { name: 'CreateTenantMemberSchema', schema: CreateTenantMemberSchema, spec: arb.createMember() },
  { name: 'UpdateTenantMemberSchema', schema: UpdateTenantMemberSchema, spec: arb.updateMember() },
  { name: 'TenantMemberFilterSchema', schema: TenantMemberFilterSchema, spec: arb.memberListFilter() },
  { name: 'CreateTenantInviteSchema', schema: CreateTenantInviteSchema, spec: arb.createInvite() },
  { name: 'UpdateTenantInviteSchema', schema: UpdateTenantInviteSchema, spec: arb.updateInvite() },
  { name: 'CreateTenantActivitySchema', schema: CreateTenantActivitySchema, spec: arb.createActivity() },
  { name: 'TenantActivityFilterSchema', schema: TenantActivityFilterSchema, spec: arb.activityListFilter() },
];

describe('tenant DTOs', () => {
  it.each(dtos)('1,000 hostile inputs to $name → ValidationError with field paths', ({ name, schema, spec }) => {
    expect(assertDtoRefuses(name, schema, hostileInput(spec))).toBe(DTO_RUNS);
  });

  it.each(dtos)('1,000 valid inputs to $name parse', ({ name, schema, spec }) => {
    expect(assertDtoAccepts(name, schema, validInput(spec))).toBe(DTO_RUNS);
  });
});

describe('tenant queries', () => {
  let ownerId: string;
  let tenantId: string;
  const scope = () => ({ tenantId });

  beforeEach(async () => {
    ownerId = (await factories.user.create()).id;
    tenantId = (await TenantQueries.createWithOwner({ name: 'Acme', slug: `acme-${Date.now()}` }, ownerId)).tenant.id;
  });

  it('50 hostile inputs to each of TenantQueries.createWithOwner / update / list → ValidationError, no row written', async () => {
    const before = await TenantQueries.getById(tenantId);
    const calls = [
      await assertMethodRefuses(tenants, hostileInput(arb.createTenant()), (input) =>
        TenantQueries.createWithOwner(input as never, ownerId),
      ),
      await assertMethodRefuses(tenants, hostileInput(arb.updateTenant()), (input) =>
        TenantQueries.update(tenantId, input as never),
      ),
      await assertMethodRefuses(tenants, filters(arb.tenantListFilter()), (filter) =>
        TenantQueries.list({ filter: filter as never }),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
    expect(await TenantQueries.getById(tenantId)).toEqual(before);
  });

  it('50 valid inputs to TenantQueries.createWithOwner and update read back unchanged, custom attributes a JSONB object', async () => {
    await assertRoundTrips(validInput(arb.createTenant()), async (input) => {
      const { tenant } = await TenantQueries.createWithOwner(input as never, ownerId);
      expectFieldsEqual(tenant, CreateTenantSchema.parse(input));
      expect(await TenantQueries.getById(tenant.id)).toEqual(tenant);
      await expectJsonObjects(tenants, eq(tenants.id, tenant.id), ['custom_attributes']);
    });
    await assertRoundTrips(validInput(arb.updateTenant()), async (input) => {
      await TenantQueries.update(tenantId, input as never);
      expectFieldsEqual(await TenantQueries.getById(tenantId), UpdateTenantSchema.parse(input));
      await expectJsonObjects(tenants, eq(tenants.id, tenantId), ['custom_attributes']);
    });
  });

  it('50 hostile inputs to each of TenantMemberQueries.add / changeRole / list → ValidationError, no row written', async () => {
    const memberId = (await factories.user.create()).id;
    await TenantMemberQueries.add(memberId, 'member', scope());
    const calls = [
      await assertMethodRefuses(tenantMembers, positional(arb.createMember(memberId)), (input) => {
        const { userId, role } = input as { userId: never; role: never };
        return TenantMemberQueries.add(userId, role, scope());
      }),
      await assertMethodRefuses(tenantMembers, positional(arb.updateMember()), (input) =>
        TenantMemberQueries.changeRole(memberId, (input as { role: never }).role, scope()),
      ),
      await assertMethodRefuses(tenantMembers, filters(arb.memberListFilter()), (filter) =>
        TenantMemberQueries.list({ filter: filter as never }, scope()),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
    expect((await TenantMemberQueries.getByUserId(memberId, scope())).role).toBe('member');
  });

  it('50 hostile inputs to each of TenantInviteQueries.create / update → ValidationError, no row written', async () => {
    const { invite } = await TenantInviteQueries.create({ email: 'invitee@example.com', role: 'member' }, scope());
    const calls = [
      await assertMethodRefuses(tenantInvites, hostileInput(arb.createInvite(ownerId)), (input) =>
        TenantInviteQueries.create(input as never, scope()),
      ),
      await assertMethodRefuses(tenantInvites, hostileInput(arb.updateInvite()), (input) =>
        TenantInviteQueries.update(invite.id, input as never, scope()),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS]);
    expect(await TenantInviteQueries.getById(invite.id, scope())).toEqual(invite);
  });

  it('50 valid inputs to TenantInviteQueries.create read back unchanged (a pending duplicate is a ConflictError)', async () => {
    await assertRoundTrips(validInput(arb.createInvite(ownerId)), async (input) => {
      const { invite } = await TenantInviteQueries.create(input as never, scope());
      const { expiresInDays: _days, ...expected } = CreateTenantInviteSchema.parse(input);
      expectFieldsEqual(invite, expected);
      expect(await TenantInviteQueries.getById(invite.id, scope())).toEqual(invite);
    });
  });

  it('50 hostile entries to TenantActivityQueries.log are dropped as ValidationErrors; 50 hostile list filters refused', async () => {
    // `tenantId` is the logger's own argument (the scope), so it is no unknown key there.
    const hostile = hostileInput(arb.createActivity(ownerId)).filter((c) => c.how !== 'extra tenantId');
    const dropped = await assertLoggerDrops(tenantActivity, hostile, (input) =>
      isRecord(input)
        ? TenantActivityQueries.log({ ...(input as object), tenantId } as never)
        : withTenant(tenantId, () => TenantActivityQueries.log(input as never)),
    );
    const listed = await assertMethodRefuses(tenantActivity, filters(arb.activityListFilter()), (filter) =>
      TenantActivityQueries.list({ filter: filter as never }, scope()),
    );
    expect([dropped, listed]).toEqual([DB_RUNS, DB_RUNS]);
  });

  it('50 valid entries to TenantActivityQueries.log read back unchanged, metadata a JSONB object', async () => {
    const logged = await assertRoundTrips(validInput(arb.createActivity(ownerId)), async (input) => {
      const entry = await TenantActivityQueries.log({ ...input, tenantId } as never);
      expect(entry).not.toBeNull();
      expectFieldsEqual(entry!, CreateTenantActivitySchema.parse(input));
      expect(await TenantActivityQueries.getById(entry!.id, scope())).toEqual(entry);
      await expectJsonObjects(tenantActivity, eq(tenantActivity.id, entry!.id), ['metadata']);
    });
    expect(logged).toEqual({ runs: DB_RUNS, conflicts: 0 });
  });
});

describe('tenant lookups', () => {
  it('50 hostile slugs to findBySlug, 50 hostile cutoffs to each of the prunes → ValidationError', async () => {
    const calls = [
      await assertLookupRefuses(hostileKey(), (slug) => TenantQueries.findBySlug(slug as never)),
      await assertLookupRefuses(hostileCutoff(), (cutoff) => TenantActivityQueries.pruneOlderThan(cutoff as never)),
      await assertLookupRefuses(hostileCutoff(), (cutoff) => TenantInviteQueries.pruneTerminal(cutoff as never)),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
  });
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** List filters: `undefined` means "no filter", so only non-null hostile filters are hostile there. */
function filters(spec: Parameters<typeof hostileInput>[0]) {
  return hostileInput(spec).filter((c) => c.input !== undefined && c.input !== null);
}

/** Methods taking positional arguments: an extra key or a non-object cannot reach them. */
function positional(spec: Parameters<typeof hostileInput>[0]) {
  return hostileInput(spec).filter((c) => c.path !== '(root)');
}
