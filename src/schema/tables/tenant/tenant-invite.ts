import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from '../../_tenant.js';
import { id, timestamps, timestamptz } from '../../_shared.js';
import { user } from '../auth/user.js';
import { tenantRole } from './tenant-member.js';
import { tenantRowsPolicy } from '../../_rls.js';

export const TENANT_INVITE_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type TenantInviteStatus = (typeof TENANT_INVITE_STATUSES)[number];
export const tenantInviteStatus = pgEnum('tenant_invite_status', TENANT_INVITE_STATUSES);

/**
 * An invitation to join a tenant. Only the sha256 of the token is stored: a leaked table does not leak usable links.
 * Terminal invites (accepted, revoked, expired) are pruned by age.
 */
export const tenantInvites = pgTable(
  'tenant_invites',
  {
    id: id(),
    tenantId: tenantId(),
    email: text('email').notNull(),
    role: tenantRole('role').notNull().default('member'),
    tokenHash: text('token_hash').notNull(),
    status: tenantInviteStatus('status').notNull().default('pending'),
    /** Kept when the inviter's account goes: the invite stays valid. */
    invitedByUserId: uuid('invited_by_user_id').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('tenant_invites_token_hash_unique').on(t.tokenHash),
    // At most one open invite per address and tenant; accepted/revoked/expired ones are history and may repeat.
    uniqueIndex('tenant_invites_tenant_email_pending_unique')
      .on(t.tenantId, t.email)
      .where(sql`${t.status} = 'pending'`),
    // A tenant's pending invites, newest first (the admin screen, keyset pagination).
    index('tenant_invites_tenant_pending_idx')
      .on(t.tenantId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'pending'`),
    // Every invite of a tenant (history, the cascade from tenants).
    index('tenant_invites_tenant_created_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    // expireOverdue: pending invites past their expiry.
    index('tenant_invites_pending_expires_at_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
    // pruneTerminal: terminal invites by the time they became terminal.
    index('tenant_invites_terminal_updated_at_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} <> 'pending'`),
    index('tenant_invites_invited_by_user_id_idx').on(t.invitedByUserId),
    check('tenant_invites_email_lower_case', sql`${t.email} = lower(${t.email})`),
    check('tenant_invites_expires_after_created', sql`${t.expiresAt} > ${t.createdAt}`),
    check('tenant_invites_accepted_at_iff_accepted', sql`(${t.status} = 'accepted') = (${t.acceptedAt} is not null)`),
    tenantRowsPolicy(t.tenantId),
  ],
);
