import { createHash } from 'node:crypto';
import { TENANT_ROLES } from '../../../schema/tables/tenant/tenant-member.js';
import { tenantInvites } from '../../../schema/tables/tenant/tenant-invite.js';
import { createUserFactory } from '../auth/user.js';
import { defineFactory, fake, fromNow } from '../_factory.js';
import { createTenantFactory } from './tenant.js';

/**
 * A pending invite (TenantInviteQueries.create is the production path and hands out the token). The hash is of a
 * random token nobody holds; expiry is relative to now because the check compares it with created_at.
 */
export const createTenantInviteFactory = () =>
  defineFactory({
    build: (): typeof tenantInvites.$inferInsert => ({
      tenantId: fake.uuid(),
      email: fake.email(),
      role: fake.pick(TENANT_ROLES.filter((role) => role !== 'owner')),
      tokenHash: createHash('sha256').update(`${fake.token()}${fake.sequence()}`).digest('hex'),
      status: 'pending',
      invitedByUserId: fake.uuid(),
      expiresAt: fromNow(7),
      acceptedAt: null,
    }),
    parents: {
      tenantId: async () => (await createTenantFactory().create()).id,
      invitedByUserId: async () => (await createUserFactory().create()).id,
    },
    insert: async (db, input) => (await db.insert(tenantInvites).values(input).returning())[0]!,
  });
