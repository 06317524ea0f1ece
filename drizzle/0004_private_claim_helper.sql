-- Deny by default, part 1 of 3: the SECURITY DEFINER claim helper moves out of `public`.
--
-- Supabase's Data API (PostgREST) exposes every function of `public` as /rest/v1/rpc/<name>, and a SECURITY DEFINER
-- function there runs as its owner for whoever may call it. The policies need auth_tenant_ids() to be executable by
-- `authenticated`, so it lives in `private`, a schema the Data API does not expose (keep it out of
-- pgrst.db_schemas). Part 2 points the policies at it; part 3 drops public.auth_tenant_ids().
CREATE SCHEMA IF NOT EXISTS private;
--> statement-breakpoint
REVOKE ALL ON SCHEMA private FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA private TO authenticated, service_role;
--> statement-breakpoint
-- The tenants the caller's claims grant: the tenants `sub` is a member of, narrowed to claim `tenant_id` when present.
-- SECURITY DEFINER so the tenant_members policy, which calls it, does not recurse into itself. It returns only the
-- caller's own tenant ids, which the caller may read anyway (tenant_members is visible to its members).
-- search_path is empty so a caller's objects cannot shadow the ones it reads.
CREATE OR REPLACE FUNCTION private.auth_tenant_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = ''
AS $$
  SELECT m.tenant_id
  FROM public.auth_claims() AS c (claims)
  JOIN public.tenant_members m ON m.user_id = (c.claims ->> 'sub')::uuid
  WHERE c.claims ->> 'tenant_id' IS NULL OR m.tenant_id = (c.claims ->> 'tenant_id')::uuid
$$;
--> statement-breakpoint
-- Named roles too, not only PUBLIC: a schema with Supabase's old default privileges has already granted EXECUTE to
-- anon and authenticated by name at CREATE time.
REVOKE ALL ON FUNCTION private.auth_tenant_ids() FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION private.auth_tenant_ids() TO authenticated, service_role;
