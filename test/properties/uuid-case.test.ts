import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { CreateTenantMemberSchema, SetActiveTenantSchema } from '../../src/dto/index.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { parseId } from '../../src/queries/_lib/validate.js';
import { DB_RUNS, assertHolds, expectFieldsEqual } from '../support/properties.js';
import { anyCase } from './arbitraries/fields.js';
import { factories } from '../../src/testing/index.js';

// Ids in any case (the round trips of every create in the domain suites get them from the uuid() field spec; these
// are the writes and reads that take ids outside a generated DTO input): what a DTO or an id argument parses is
// what the row holds and returns.
// The core domains here; the example domains' writes in features-uuid-case and admin-uuid-case, which go with them.

const variants = (id: string) => anyCase(fc.constant(id));

describe('UUIDs in any case', () => {
  let tenantId: string;
  let userId: string;

  beforeEach(async () => {
    tenantId = (await factories.tenants.create()).id;
    userId = (await factories.user.create()).id;
  });

  it('50 to each of TenantMemberQueries.add / get and SessionQueries.setActiveTenant: the rows hold the parsed ids', async () => {
    const session = await factories.session.create({ userId });
    await TenantMemberQueries.add(userId, 'owner', { tenantId });
    const count = await assertHolds(
      fc.tuple(variants(tenantId), variants(session.id), variants(userId)),
      async ([tenant, sessionId, user]) => {
        const member = (await factories.user.create()).id;
        const added = await TenantMemberQueries.add(member.toUpperCase(), 'member', { tenantId: tenant });
        expectFieldsEqual(added, { ...CreateTenantMemberSchema.parse({ userId: member.toUpperCase() }), tenantId });
        expect(await TenantMemberQueries.getByUserId(user, { tenantId: tenant })).toMatchObject({ userId, tenantId });
        const active = await SessionQueries.setActiveTenant(sessionId, tenant);
        expect(active.activeTenantId).toBe(SetActiveTenantSchema.parse({ tenantId: tenant }).tenantId);
        expect(await SessionQueries.getById(sessionId)).toEqual(active);
      },
    );
    expect(count).toBe(DB_RUNS);
  });

  it('50 to TenantQueries.getById and TenantInviteQueries.getById (id and tenant scope): the row comes back', async () => {
    const { invite } = await TenantInviteQueries.create(
      { email: 'read-me@example.com', role: 'member', invitedByUserId: userId },
      { tenantId },
    );
    const count = await assertHolds(fc.tuple(variants(invite.id), variants(tenantId)), async ([id, tenant]) => {
      expect(await TenantInviteQueries.getById(id, { tenantId: tenant })).toEqual(invite);
      expect((await TenantQueries.getById(tenant)).id).toBe(parseId('Tenant', tenant));
    });
    expect(count).toBe(DB_RUNS);
  });
});
