import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, pgRole, type PgColumn } from 'drizzle-orm/pg-core';

// Row-Level Security, Supabase style: the second tenant wall, for connections that run as `authenticated` (see
// src/scope/rls.ts and the README section on Row-Level Security). The roles come from drizzle/0000_supabase_roles.sql,
// private.auth_tenant_ids() from drizzle/0004_private_claim_helper.sql (outside `public`, which the Data API exposes).
//
// Every table enables RLS: a tenant table with one of the policies below, a server-only table with `.enableRLS()`
// and no policy, so `anon` and `authenticated` see nothing of it whatever grants a platform's defaults add.
//
// The table owner (the app's own connection, which the query objects use) is NOT subject to these policies: owners
// bypass RLS unless a table has FORCE ROW LEVEL SECURITY, which we deliberately never set. The query objects keep
// their own tenant filter; RLS guards every other path (PostgREST / supabase-js, withRls, a raw query by a role).

/** Supabase's roles; `.existing()` so drizzle-kit never creates or drops them. */
export const authenticatedRole = pgRole('authenticated').existing();
export const anonRole = pgRole('anon').existing();
export const serviceRole = pgRole('service_role').existing();

/** The tenants the caller's JWT claims grant (membership of `sub`, narrowed to `tenant_id` when the claim is set). */
const inCallerTenants = (tenantId: PgColumn): SQL => sql`${tenantId} in (select private.auth_tenant_ids())`;

/** Every row of a tenant table is visible and writable to `authenticated` only inside the caller's tenants. */
export const tenantRowsPolicy = (tenantId: PgColumn) =>
  pgPolicy('tenant_rows_of_caller', {
    as: 'permissive',
    for: 'all',
    to: authenticatedRole,
    using: inCallerTenants(tenantId),
    withCheck: inCallerTenants(tenantId),
  });

/**
 * For tables whose tenant_id is nullable (null: the user's own row outside any tenant): tenant rows as above, and
 * tenant-less rows only to the user they belong to.
 */
export const tenantOrOwnRowsPolicy = (tenantId: PgColumn, userId: PgColumn) => {
  const visible = sql`${inCallerTenants(tenantId)} or (${tenantId} is null and ${userId} = public.auth_user_id())`;
  return pgPolicy('tenant_rows_of_caller', {
    as: 'permissive',
    for: 'all',
    to: authenticatedRole,
    using: visible,
    withCheck: visible,
  });
};
