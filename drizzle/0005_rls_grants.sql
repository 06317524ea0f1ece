-- Row-Level Security, part 2 of 2: what `authenticated` may attempt at all. Runs AFTER the tables exist. The
-- policies then limit every granted statement to the caller's tenants (WITH CHECK rejects a write into another one).
-- Only tenant tables with a policy are granted: every other table (auth, admin, system, deliveries, targets) stays
-- closed to authenticated and anon (permission denied), and anon gets no table at all.
--
-- Writes that need a tenant role (owner/admin), not just membership, stay server-side (the query objects on the
-- owner connection, or service_role): the tenant itself, memberships, invites and billing are read-only here.
GRANT SELECT ON "tenants", "tenant_members", "tenant_invites", "subscriptions" TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "todos", "notification_preferences" TO authenticated;
--> statement-breakpoint
-- Append-only activity; server-kept counters; notifications are created by the server and only marked read here.
GRANT SELECT, INSERT ON "tenant_activity" TO authenticated;
--> statement-breakpoint
GRANT SELECT ON "user_activity_daily" TO authenticated;
--> statement-breakpoint
GRANT SELECT, UPDATE ("read_at") ON "notifications" TO authenticated;
