import { createUserFactory } from './auth/user.ts';
import { createTodoFactory } from './features/todos.ts';
import { createTenantMemberFactory } from './tenant/tenant-members.ts';
import { createTenantFactory } from './tenant/tenants.ts';

export { defineFactory, fake, fromNow, seedFactories, type Factory } from './_factory.ts';

/** One factory per table, keyed by the table's export name in `database/schema`. */
export const factories = {
  user: createUserFactory(),
  tenants: createTenantFactory(),
  tenantMembers: createTenantMemberFactory(),
  todos: createTodoFactory(),
};
