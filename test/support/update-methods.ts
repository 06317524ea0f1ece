import type { z } from 'zod';
import { UpdateAdminRoleSchema, UpdateAdminUserSchema } from '../../src/dto/admin/index.js';
import { UpdateAccountSchema, UpdateSessionSchema, UpdateUserSchema } from '../../src/dto/auth/index.js';
import { UpdateTodoSchema } from '../../src/dto/features/todo.js';
import { UpdateSubscriptionSchema } from '../../src/dto/subscriptions/subscription.js';
import { UpdateTenantInviteSchema } from '../../src/dto/tenant/tenant-invite.js';
import { UpdateTenantSchema } from '../../src/dto/tenant/tenant.js';
import { ValidationError } from '../../src/errors/classes.js';
import { AdminRoleQueries } from '../../src/queries/admin/admin-role.js';
import { AdminUserQueries } from '../../src/queries/admin/admin-user.js';
import { AccountQueries } from '../../src/queries/auth/account.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { UserQueries } from '../../src/queries/auth/user.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { SubscriptionQueries } from '../../src/queries/subscriptions/subscription.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { factories } from '../../src/testing/index.js';

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
