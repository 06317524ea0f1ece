import type { z } from 'zod';
import { UpdateAdminRoleSchema, UpdateAdminUserSchema } from '../../src/dto/admin/index.ts';
import { UpdateAccountSchema, UpdateSessionSchema, UpdateUserSchema } from '../../src/dto/auth/index.ts';
import { UpdateTodoSchema } from '../../src/dto/features/todo.ts';
import { UpdateSubscriptionSchema } from '../../src/dto/subscriptions/subscription.ts';
import { UpdateTenantInviteSchema } from '../../src/dto/tenant/tenant-invite.ts';
import { UpdateTenantSchema } from '../../src/dto/tenant/tenant.ts';
import { ValidationError } from '../../src/errors/classes.ts';
import { AdminRoleQueries } from '../../src/queries/admin/admin-role.ts';
import { AdminUserQueries } from '../../src/queries/admin/admin-user.ts';
import { AccountQueries } from '../../src/queries/auth/account.ts';
import { SessionQueries } from '../../src/queries/auth/session.ts';
import { UserQueries } from '../../src/queries/auth/user.ts';
import { TodoQueries } from '../../src/queries/features/todo.ts';
import { SubscriptionQueries } from '../../src/queries/subscriptions/subscription.ts';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.ts';
import { TenantQueries } from '../../src/queries/tenant/tenant.ts';
import { factories } from '../../src/testing/index.ts';

// The update method of every query object that has one, each with a fresh row to update.

type Update = (input: Record<string, unknown>) => Promise<unknown>;

/** The update methods with a row to update; `input` is typed loosely: the point is what the DTO lets through. */
export const updateMethods: { name: string; dto: z.ZodObject; target: () => Promise<Update> }[] = [
  {
    name: 'AccountQueries',
    dto: UpdateAccountSchema,
    target: async () => {
      const { id } = await factories.account.create({ userId: (await factories.user.create()).id });
      return (input) => AccountQueries.update(id, input);
    },
  },
  {
    name: 'AdminRoleQueries',
    dto: UpdateAdminRoleSchema,
    target: async () => {
      const { id } = await factories.adminRoles.create();
      return (input) => AdminRoleQueries.update(id, input);
    },
  },
  {
    name: 'AdminUserQueries',
    dto: UpdateAdminUserSchema,
    target: async () => {
      const { id } = await factories.adminUsers.create();
      return (input) => AdminUserQueries.update(id, input);
    },
  },
  {
    name: 'SessionQueries',
    dto: UpdateSessionSchema,
    target: async () => {
      const { id } = await factories.session.create({ userId: (await factories.user.create()).id });
      return (input) => SessionQueries.update(id, input);
    },
  },
  {
    name: 'SubscriptionQueries',
    dto: UpdateSubscriptionSchema,
    target: async () => {
      const tenantId = (await factories.tenants.create()).id;
      const { id } = await factories.subscriptions.create({ tenantId, plan: 'pro', status: 'active' });
      return (input) => SubscriptionQueries.update(id, input, { tenantId });
    },
  },
  {
    name: 'TenantQueries',
    dto: UpdateTenantSchema,
    target: async () => {
      const { id } = await factories.tenants.create();
      return (input) => TenantQueries.update(id, input);
    },
  },
  {
    // Its one field is required: `{}` and an undefined role are the same ValidationError.
    name: 'TenantInviteQueries',
    dto: UpdateTenantInviteSchema,
    target: async () => {
      const tenantId = (await factories.tenants.create()).id;
      const { id } = await factories.tenantInvites.create({ tenantId, role: 'member' });
      return (input) => TenantInviteQueries.update(id, input as never, { tenantId });
    },
  },
  {
    name: 'TodoQueries',
    dto: UpdateTodoSchema,
    target: async () => {
      const tenantId = (await factories.tenants.create()).id;
      const { id } = await TodoQueries.create({ userId: (await factories.user.create()).id, title: 'x' }, { tenantId });
      return (input) => TodoQueries.update(id, input, { tenantId });
    },
  },
  {
    name: 'UserQueries',
    dto: UpdateUserSchema,
    target: async () => {
      const { id } = await factories.user.create();
      return (input) => UserQueries.update(id, input);
    },
  },
];

/** What a call came to, comparable with toEqual: the value, or the ValidationError's fields (else the error). */
export const outcome = (call: Promise<unknown>) =>
  call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error instanceof ValidationError ? error.fields : error }),
  );

/** Every field the DTO takes, each `undefined`. */
export const allUndefined = (dto: z.ZodObject) =>
  Object.fromEntries(Object.keys(dto.shape).map((key) => [key, undefined]));
