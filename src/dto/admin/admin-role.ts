import { z } from 'zod';
import { ADMIN_ROLE_DESCRIPTION_MAX, ADMIN_ROLE_NAME_MAX, adminRoles } from '../../schema/tables/admin/admin-role.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { optionalText, trimmedText } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

export const ADMIN_PERMISSION_PATTERN = /^[a-z][a-z0-9_-]*(:[a-z0-9_*-]+)*$/;

/** A permission string such as `users:read` or `billing:*`. */
export const adminPermission = () =>
  z.string().trim().min(1).max(100).regex(ADMIN_PERMISSION_PATTERN, 'resource:action');

/** Up to 200 permissions, stored without duplicates. */
const permissions = () =>
  z
    .array(adminPermission())
    .max(200)
    .transform((list) => [...new Set(list)]);

const refine = {
  name: () => trimmedText(ADMIN_ROLE_NAME_MAX),
  description: () => optionalText(ADMIN_ROLE_DESCRIPTION_MAX),
  // optional: the column defaults to an empty array
  permissions: () => permissions().optional(),
};

export const AdminRoleSchema = createSelectSchema(adminRoles);
export const InsertAdminRoleSchema = createInsertSchema(adminRoles, refine);
const UpdateAdminRoleRowSchema = createUpdateSchema(adminRoles, refine);

export const CreateAdminRoleSchema = InsertAdminRoleSchema.pick({
  name: true,
  description: true,
  permissions: true,
}).strict();
export const UpdateAdminRoleSchema = UpdateAdminRoleRowSchema.pick({
  name: true,
  description: true,
  permissions: true,
}).strict();

export const AdminRoleFilterSchema = listFilter({
  /** Roles that grant this exact permission string. */
  permission: adminPermission().optional(),
});

export type AdminRole = z.infer<typeof AdminRoleSchema>;
export type CreateAdminRole = z.input<typeof CreateAdminRoleSchema>;
export type UpdateAdminRole = z.input<typeof UpdateAdminRoleSchema>;
export type AdminRoleFilter = z.input<typeof AdminRoleFilterSchema>;
