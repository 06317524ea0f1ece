import { index, pgEnum, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from '../../_tenant.js';
import { timestamps } from '../../_shared.js';
import { user } from '../auth/user.js';
import { tenantRowsPolicy } from '../../_rls.js';
import { tenantMirrorTable } from '../../_placement.js';

export const TENANT_ROLES = ['owner', 'admin', 'member'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];
export const tenantRole = pgEnum('tenant_role', TENANT_ROLES);

/** Membership; the `tenant_members_keep_last_owner` trigger keeps at least one owner per live tenant. */
export const tenantMembers = pgTable(
  'tenant_members',
  {
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: tenantRole('role').notNull().default('member'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ name: 'tenant_members_pkey', columns: [t.tenantId, t.userId] }),
    index('tenant_members_user_id_idx').on(t.userId),
    index('tenant_members_tenant_role_idx').on(t.tenantId, t.role),
    // Keyset pagination of a tenant's members, newest first (user_id is the tie-breaker).
    index('tenant_members_tenant_created_idx').on(t.tenantId, t.createdAt.desc(), t.userId.desc()),
    tenantRowsPolicy(t.tenantId),
  ],
);

/**
 * Memberships stay in the control database; a dedicated database holds a copy of its tenants' memberships, which its
 * RLS helper private.auth_tenant_ids() reads (src/tenancy/members.ts keeps it in sync). The user stays in control.
 */
export const tenantMembersMirror = tenantMirrorTable(tenantMembers, tenantMembers.tenantId, [tenantMembers.userId]);
