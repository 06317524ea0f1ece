import { createAccountFactory } from './auth/account.ts';
import { createJwkFactory } from './auth/jwks.ts';
import { createSessionFactory } from './auth/session.ts';
import { createUserFactory } from './auth/user.ts';
import { createVerificationFactory } from './auth/verification.ts';
import { createTodoFactory } from './features/todos.ts';
import { createTenantMemberFactory } from './tenant/tenant-members.ts';
import { createTenantFactory } from './tenant/tenants.ts';

export { defineFactory, fake, fromNow, seedFactories, type Factory } from './_factory.ts';

/** One factory per table, keyed by the table's export name in `database/schema`. */
export const factories = {
  user: createUserFactory(),
  session: createSessionFactory(),
  account: createAccountFactory(),
  verification: createVerificationFactory(),
  jwks: createJwkFactory(),
  tenants: createTenantFactory(),
  tenantMembers: createTenantMemberFactory(),
  todos: createTodoFactory(),
};
