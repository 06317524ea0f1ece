import { z } from 'zod';
import { adminUsers } from '../../schema/tables/admin/admin-user.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { uuid } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

export const AdminUserSchema = createSelectSchema(adminUsers);
export const InsertAdminUserSchema = createInsertSchema(adminUsers);
const UpdateAdminUserRowSchema = createUpdateSchema(adminUsers);

/** `disabledAt` is not caller-settable here: `disable` / `enable` own it. */
export const CreateAdminUserSchema = InsertAdminUserSchema.pick({ userId: true, roleId: true }).strict();
export const UpdateAdminUserSchema = UpdateAdminUserRowSchema.pick({ roleId: true }).strict();

export const AdminUserFilterSchema = listFilter({
  roleId: uuid().optional(),
  /** true: only enabled admins; false: only disabled ones. */
  active: z.boolean().optional(),
});

export type AdminUser = z.infer<typeof AdminUserSchema>;
export type CreateAdminUser = z.input<typeof CreateAdminUserSchema>;
export type UpdateAdminUser = z.input<typeof UpdateAdminUserSchema>;
export type AdminUserFilter = z.input<typeof AdminUserFilterSchema>;
