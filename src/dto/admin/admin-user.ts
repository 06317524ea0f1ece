import { z } from 'zod';
import { adminUsers } from '../../schema/tables/admin/admin-user.ts';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.ts';
import { uuid } from '../_fields.ts';
import { listFilter } from '../_list-filter.ts';

export const AdminUserSchema = createSelectSchema(adminUsers);
export const InsertAdminUserSchema = createInsertSchema(adminUsers);
export const UpdateAdminUserSchema = createUpdateSchema(adminUsers);

/** `disabledAt` is not caller-settable here: `disable` / `enable` own it. */
export const CreateAdminUserDTO = InsertAdminUserSchema.pick({ userId: true, roleId: true }).strict();
export const UpdateAdminUserDTO = UpdateAdminUserSchema.pick({ roleId: true }).strict();

export const AdminUserListFilter = listFilter({
  roleId: uuid().optional(),
  /** true: only enabled admins; false: only disabled ones. */
  active: z.boolean().optional(),
});

export type AdminUser = z.infer<typeof AdminUserSchema>;
export type CreateAdminUser = z.input<typeof CreateAdminUserDTO>;
export type UpdateAdminUser = z.input<typeof UpdateAdminUserDTO>;
export type AdminUserFilter = z.input<typeof AdminUserListFilter>;
