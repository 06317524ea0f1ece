import { z } from 'zod';
import { user } from '../../schema/tables/auth/user.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { email, isStorableText, trimmedText } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

export const USER_NAME_MAX = 200;
export const USER_IMAGE_URL_MAX = 2048;

const refine = {
  name: () => trimmedText(USER_NAME_MAX),
  email: () => email(),
  image: () =>
    z
      .url({ protocol: /^https?$/ })
      .max(USER_IMAGE_URL_MAX)
      .refine(isStorableText, 'must not contain NUL characters or unpaired surrogates')
      .nullish(),
};

export const UserSchema = createSelectSchema(user);
export const InsertUserSchema = createInsertSchema(user, refine);
const UpdateUserRowSchema = createUpdateSchema(user, refine);

/**
 * What server code may set when creating a user (an admin invite, a seed). Sign-up normally goes through Better Auth,
 * which writes the same table; passwords live in `account`, never here.
 */
export const CreateUserSchema = InsertUserSchema.pick({
  name: true,
  email: true,
  image: true,
  emailVerified: true,
}).strict();

/** Email changes go through a verification flow (Better Auth's change-email), so email is not updatable here. */
export const UpdateUserSchema = UpdateUserRowSchema.pick({ name: true, image: true, emailVerified: true }).strict();

export const UserFilterSchema = listFilter({ emailVerified: z.boolean().optional() });

/** An email as a caller typed it; compared lower-case, the way it is stored. */
export const UserEmailSchema = z.object({ email: email() });

export type User = z.infer<typeof UserSchema>;
export type CreateUser = z.input<typeof CreateUserSchema>;
export type UpdateUser = z.input<typeof UpdateUserSchema>;
export type UserFilter = z.input<typeof UserFilterSchema>;
