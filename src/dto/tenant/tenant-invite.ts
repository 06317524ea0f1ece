import { z } from 'zod';
import { tenantInvites } from '../../schema/tables/tenant/tenant-invite.js';
import { createInsertSchema, createSelectSchema } from '../_zod.js';
import { email } from '../_fields.js';
import { TenantRoleSchema } from './tenant-member.js';

export const TENANT_INVITE_DEFAULT_DAYS = 7;
export const TENANT_INVITE_MAX_DAYS = 90;

const refine = { email: () => email(), role: () => TenantRoleSchema };

export const TenantInviteSchema = createSelectSchema(tenantInvites);
export const InsertTenantInviteSchema = createInsertSchema(tenantInvites, refine);

/**
 * What a caller may set when inviting. Token, status, expiry time and tenant are the server's; the lifetime is
 * given in days so the expiry is computed on the database clock.
 */
export const CreateTenantInviteSchema = InsertTenantInviteSchema.pick({
  email: true,
  role: true,
  invitedByUserId: true,
})
  .extend({
    expiresInDays: z.number().int().min(1).max(TENANT_INVITE_MAX_DAYS).default(TENANT_INVITE_DEFAULT_DAYS),
  })
  .strict();

/** A pending invite's role may still change; everything else is fixed once sent. */
export const UpdateTenantInviteSchema = z.object({ role: TenantRoleSchema }).strict();

/** The invite token as handed out by `create`: 32 random bytes, base64url without padding. */
export const TenantInviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not an invite token');

export type TenantInvite = z.infer<typeof TenantInviteSchema>;
export type CreateTenantInvite = z.input<typeof CreateTenantInviteSchema>;
export type UpdateTenantInvite = z.input<typeof UpdateTenantInviteSchema>;
