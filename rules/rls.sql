-- Row-Level Security, part 1 of 2: roles and claim helpers. MUST run BEFORE the generated migration that creates the
-- policies (they name the roles and call auth_tenant_ids()). Part 2 (rules/rls-grants.sql) runs after the tables.
--
-- Supabase's roles, created only where absent (on Supabase they already exist). Roles belong to the whole cluster,
-- so two databases migrating at once may race to create one: the loser's duplicate error is swallowed.
-- The migrating role is made a member of each role it creates, so it can `SET ROLE` to it even when it is not a
-- superuser (what withRls does).
DO $$
DECLARE
  wanted text;
BEGIN
  FOREACH wanted IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = wanted) THEN
      BEGIN
        IF wanted = 'service_role' THEN
          EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT BYPASSRLS', wanted);
        ELSE
          EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', wanted);
        END IF;
        EXECUTE format('GRANT %I TO CURRENT_USER', wanted);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
--> statement-breakpoint
-- service_role is the server's key: every table, like on Supabase (it also bypasses RLS). For tables that exist now
-- and those created later by the migrating role.
GRANT ALL ON ALL TABLES IN SCHEMA public TO service_role;
--> statement-breakpoint
GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO service_role;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO service_role;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO service_role;
--> statement-breakpoint
-- The verified JWT claims of the request, as PostgREST and withRls set them: request.jwt.claims. After a transaction
-- that set it ends, the setting reads as '' (not null) for the rest of the session, hence nullif.
CREATE OR REPLACE FUNCTION public.auth_claims() RETURNS jsonb
LANGUAGE sql STABLE
SET search_path = ''
AS $$ SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb $$;
--> statement-breakpoint
-- The caller's user id (claim `sub`), null without claims. Supabase's auth.uid(), in public.
CREATE OR REPLACE FUNCTION public.auth_user_id() RETURNS uuid
LANGUAGE sql STABLE
SET search_path = ''
AS $$ SELECT (public.auth_claims() ->> 'sub')::uuid $$;
--> statement-breakpoint
-- The tenants the claims grant: the tenants `sub` is a member of, narrowed to claim `tenant_id` when present (the
-- active tenant). A membership is required either way, so a tenant_id claim alone grants nothing.
-- SECURITY DEFINER: it reads tenant_members as its owner, so the tenant_members policy (which calls this function)
-- does not recurse into itself. plpgsql, so it can be created before tenant_members exists (the body is resolved at
-- first call). search_path is empty so a caller's objects cannot shadow the ones it reads.
CREATE OR REPLACE FUNCTION public.auth_tenant_ids() RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
  claims jsonb := public.auth_claims();
BEGIN
  RETURN QUERY
    SELECT m.tenant_id
    FROM public.tenant_members m
    WHERE m.user_id = (claims ->> 'sub')::uuid
      AND (claims ->> 'tenant_id' IS NULL OR m.tenant_id = (claims ->> 'tenant_id')::uuid);
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.auth_claims(), public.auth_user_id(), public.auth_tenant_ids() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_claims(), public.auth_user_id(), public.auth_tenant_ids() TO authenticated, service_role;
