-- Deny by default, part 3 of 3: the grants say exactly what each role may do, whatever the platform's default
-- privileges granted when the tables were created.
--
-- Supabase's `public` schema long carried `ALTER DEFAULT PRIVILEGES ... GRANT ALL ON TABLES TO anon, authenticated,
-- service_role` (hosted projects until 2026; self-hosted Supabase still does), so every table created by the migrating
-- role started readable, writable and truncatable (TRUNCATE ignores RLS) by both client roles. Revoke everything
-- from them by name, then grant back only what the README's RLS table lists. The template's tables are named rather
-- than `ALL TABLES IN SCHEMA public`, so grants a team gave its own tables are left alone (the catalog check in
-- `pnpm check:structure` still reports any of those without RLS).
REVOKE ALL ON TABLE
  "account", "admin_audit_log", "admin_roles", "admin_users", "domain_event_sequences", "domain_events", "jwks",
  "notification_deliveries", "notification_preferences", "notification_targets", "notifications", "session",
  "subscription_events", "subscriptions", "system_settings", "tenant_activity", "tenant_invites", "tenant_members",
  "tenants", "todos", "user", "user_activity_daily", "verification", "waitlist"
  FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
GRANT ALL ON TABLE
  "account", "admin_audit_log", "admin_roles", "admin_users", "domain_event_sequences", "domain_events", "jwks",
  "notification_deliveries", "notification_preferences", "notification_targets", "notifications", "session",
  "subscription_events", "subscriptions", "system_settings", "tenant_activity", "tenant_invites", "tenant_members",
  "tenants", "todos", "user", "user_activity_daily", "verification", "waitlist"
  TO service_role;
--> statement-breakpoint
-- What `authenticated` may attempt; the policies then limit it to the caller's tenants. Server-only tables (auth,
-- admin, system, outbox, deliveries, targets, subscription events, waitlist) get nothing. anon gets nothing at all.
GRANT SELECT ON "tenants", "tenant_members", "subscriptions", "user_activity_daily" TO authenticated;
--> statement-breakpoint
-- Every column of an invite but its token hash: a member sees who was invited, never what would accept it.
GRANT SELECT ("id", "tenant_id", "email", "role", "status", "invited_by_user_id", "expires_at", "accepted_at",
  "created_at", "updated_at") ON "tenant_invites" TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "todos", "notification_preferences" TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT ON "tenant_activity" TO authenticated;
--> statement-breakpoint
GRANT SELECT, UPDATE ("read_at") ON "notifications" TO authenticated;
--> statement-breakpoint
-- Tables added later: the migrating role's future tables, sequences and functions grant nothing to the client roles
-- (both forms: per schema, as Supabase set it, and global, which a per-schema revoke cannot undo). A new table is
-- invisible to clients until its migration grants what its policy allows (pnpm db:new writes both).
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM anon, authenticated;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM anon, authenticated;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON FUNCTIONS FROM anon, authenticated;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM anon, authenticated;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES REVOKE ALL ON SEQUENCES FROM anon, authenticated;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES REVOKE ALL ON FUNCTIONS FROM anon, authenticated;
--> statement-breakpoint
-- The policies now call private.auth_tenant_ids() (part 2); the SECURITY DEFINER copy in `public` goes, with the
-- Data API endpoint it had.
DROP FUNCTION public.auth_tenant_ids();
--> statement-breakpoint
-- The claim helpers in `public` are SECURITY INVOKER and return only the caller's own claims; still, only the roles
-- that carry claims run them (the old default privileges had granted them to anon too).
REVOKE ALL ON FUNCTION public.auth_claims(), public.auth_user_id() FROM PUBLIC, anon;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.auth_claims(), public.auth_user_id() TO authenticated, service_role;
--> statement-breakpoint
-- Every function pins its search_path, so a caller's search_path cannot swap the objects it resolves. Those that
-- name no table get an empty one; those that write tables resolve them in `public`, where the template lives.
ALTER FUNCTION public.set_updated_at() SET search_path = '';
--> statement-breakpoint
ALTER FUNCTION public.notification_deliveries_enforce_status_forward() SET search_path = '';
--> statement-breakpoint
ALTER FUNCTION public.domain_events_keep_identity() SET search_path = '';
--> statement-breakpoint
ALTER FUNCTION public.domain_events_assign_sequence() SET search_path = public;
--> statement-breakpoint
ALTER FUNCTION public.tenant_members_keep_last_owner() SET search_path = public;
--> statement-breakpoint
-- Trigger functions need no EXECUTE to fire; nobody calls them directly.
REVOKE ALL ON FUNCTION public.set_updated_at(), public.notification_deliveries_enforce_status_forward(),
  public.domain_events_keep_identity(), public.domain_events_assign_sequence(),
  public.tenant_members_keep_last_owner()
  FROM PUBLIC, anon, authenticated;
