ALTER TABLE "admin_audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "admin_roles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "admin_users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "account" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "jwks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "session" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "user" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "verification" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "waitlist" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_targets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "subscription_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "domain_event_sequences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "domain_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "system_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER POLICY "tenant_rows_of_caller" ON "todos" TO authenticated USING ("todos"."tenant_id" in (select private.auth_tenant_ids())) WITH CHECK ("todos"."tenant_id" in (select private.auth_tenant_ids()));--> statement-breakpoint
ALTER POLICY "tenant_rows_of_caller" ON "user_activity_daily" TO authenticated USING ("user_activity_daily"."tenant_id" in (select private.auth_tenant_ids()) or ("user_activity_daily"."tenant_id" is null and "user_activity_daily"."user_id" = public.auth_user_id())) WITH CHECK ("user_activity_daily"."tenant_id" in (select private.auth_tenant_ids()) or ("user_activity_daily"."tenant_id" is null and "user_activity_daily"."user_id" = public.auth_user_id()));--> statement-breakpoint
ALTER POLICY "tenant_rows_of_caller" ON "notification_preferences" TO authenticated USING ("notification_preferences"."tenant_id" in (select private.auth_tenant_ids()) or ("notification_preferences"."tenant_id" is null and "notification_preferences"."user_id" = public.auth_user_id())) WITH CHECK ("notification_preferences"."tenant_id" in (select private.auth_tenant_ids()) or ("notification_preferences"."tenant_id" is null and "notification_preferences"."user_id" = public.auth_user_id()));--> statement-breakpoint
ALTER POLICY "tenant_rows_of_caller" ON "notifications" TO authenticated USING ("notifications"."tenant_id" in (select private.auth_tenant_ids())) WITH CHECK ("notifications"."tenant_id" in (select private.auth_tenant_ids()));--> statement-breakpoint
ALTER POLICY "tenant_rows_of_caller" ON "subscriptions" TO authenticated USING ("subscriptions"."tenant_id" in (select private.auth_tenant_ids())) WITH CHECK ("subscriptions"."tenant_id" in (select private.auth_tenant_ids()));--> statement-breakpoint
ALTER POLICY "tenant_rows_of_caller" ON "tenant_activity" TO authenticated USING ("tenant_activity"."tenant_id" in (select private.auth_tenant_ids())) WITH CHECK ("tenant_activity"."tenant_id" in (select private.auth_tenant_ids()));--> statement-breakpoint
ALTER POLICY "tenant_rows_of_caller" ON "tenant_invites" TO authenticated USING ("tenant_invites"."tenant_id" in (select private.auth_tenant_ids())) WITH CHECK ("tenant_invites"."tenant_id" in (select private.auth_tenant_ids()));--> statement-breakpoint
ALTER POLICY "tenant_rows_of_caller" ON "tenant_members" TO authenticated USING ("tenant_members"."tenant_id" in (select private.auth_tenant_ids())) WITH CHECK ("tenant_members"."tenant_id" in (select private.auth_tenant_ids()));--> statement-breakpoint
ALTER POLICY "tenant_rows_of_caller" ON "tenants" TO authenticated USING ("tenants"."id" in (select private.auth_tenant_ids())) WITH CHECK ("tenants"."id" in (select private.auth_tenant_ids()));