CREATE TYPE "public"."waitlist_status" AS ENUM('waiting', 'invited', 'joined');--> statement-breakpoint
CREATE TYPE "public"."notification_channel" AS ENUM('email', 'push', 'sms', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."notification_delivery_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused');--> statement-breakpoint
CREATE TYPE "public"."domain_event_status" AS ENUM('pending', 'published', 'failed');--> statement-breakpoint
CREATE TYPE "public"."tenant_invite_status" AS ENUM('pending', 'accepted', 'revoked', 'expired');--> statement-breakpoint
CREATE TYPE "public"."tenant_role" AS ENUM('owner', 'admin', 'member');--> statement-breakpoint
CREATE TABLE "admin_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"admin_user_id" uuid,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip_address" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_audit_log_action_length" CHECK (char_length("admin_audit_log"."action") between 1 and 100),
	CONSTRAINT "admin_audit_log_subject_length" CHECK (char_length(coalesce("admin_audit_log"."subject_type", '')) <= 200 and char_length(coalesce("admin_audit_log"."subject_id", '')) <= 200),
	CONSTRAINT "admin_audit_log_metadata_object" CHECK (jsonb_typeof("admin_audit_log"."metadata") = 'object')
);
--> statement-breakpoint
CREATE TABLE "admin_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"permissions" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_roles_name_length" CHECK (char_length("admin_roles"."name") between 1 and 100),
	CONSTRAINT "admin_roles_description_length" CHECK ("admin_roles"."description" is null or char_length("admin_roles"."description") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "admin_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	"disabled_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp (3) with time zone,
	"refresh_token_expires_at" timestamp (3) with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jwks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"alg" text,
	"crv" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"active_tenant_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_lower_case" CHECK ("user"."email" = lower("user"."email"))
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "todos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"completed" boolean DEFAULT false NOT NULL,
	"due_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "todos_title_length" CHECK (char_length("todos"."title") between 1 and 200),
	CONSTRAINT "todos_description_length" CHECK ("todos"."description" is null or char_length("todos"."description") <= 5000)
);
--> statement-breakpoint
ALTER TABLE "todos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "user_activity_daily" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"tenant_id" uuid,
	"day" date NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_activity_daily_user_day_tenant_unique" UNIQUE NULLS NOT DISTINCT("user_id","day","tenant_id"),
	CONSTRAINT "user_activity_daily_event_count_non_negative" CHECK ("user_activity_daily"."event_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "user_activity_daily" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "waitlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"source" text,
	"referrer" text,
	"status" "waitlist_status" DEFAULT 'waiting' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"invited_at" timestamp (3) with time zone,
	"joined_at" timestamp (3) with time zone,
	CONSTRAINT "waitlist_email_lower_case" CHECK ("waitlist"."email" = lower("waitlist"."email")),
	CONSTRAINT "waitlist_email_length" CHECK (char_length("waitlist"."email") between 3 and 254),
	CONSTRAINT "waitlist_source_length" CHECK ("waitlist"."source" is null or char_length("waitlist"."source") <= 100),
	CONSTRAINT "waitlist_referrer_length" CHECK ("waitlist"."referrer" is null or char_length("waitlist"."referrer") <= 2048),
	CONSTRAINT "waitlist_status_timestamps" CHECK (("waitlist"."status" = 'waiting' and "waitlist"."invited_at" is null and "waitlist"."joined_at" is null)
        or ("waitlist"."status" = 'invited' and "waitlist"."invited_at" is not null and "waitlist"."joined_at" is null)
        or ("waitlist"."status" = 'joined' and "waitlist"."joined_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"target_id" uuid,
	"channel" "notification_channel" NOT NULL,
	"status" "notification_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_deliveries_attempts_non_negative" CHECK ("notification_deliveries"."attempts" >= 0),
	CONSTRAINT "notification_deliveries_sent_at_iff_sent" CHECK (("notification_deliveries"."status" = 'sent') = ("notification_deliveries"."sent_at" is not null)),
	CONSTRAINT "notification_deliveries_last_error_length" CHECK ("notification_deliveries"."last_error" is null or char_length("notification_deliveries"."last_error") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"tenant_id" uuid,
	"type" text NOT NULL,
	"channel" "notification_channel" NOT NULL,
	"enabled" boolean NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_tenant_type_channel_unique" UNIQUE NULLS NOT DISTINCT("user_id","tenant_id","type","channel"),
	CONSTRAINT "notification_preferences_type_format" CHECK (char_length("notification_preferences"."type") <= 100 and "notification_preferences"."type" ~ '^[a-z0-9]+([._-][a-z0-9]+)*$')
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" "notification_channel" NOT NULL,
	"address" text NOT NULL,
	"verified_at" timestamp (3) with time zone,
	"disabled_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_targets_address_length" CHECK (char_length("notification_targets"."address") between 1 and 2000),
	CONSTRAINT "notification_targets_email_lower_case" CHECK ("notification_targets"."channel" <> 'email' or "notification_targets"."address" = lower("notification_targets"."address"))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_type_format" CHECK (char_length("notifications"."type") <= 100 and "notifications"."type" ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
	CONSTRAINT "notifications_title_length" CHECK (char_length("notifications"."title") between 1 and 200),
	CONSTRAINT "notifications_body_length" CHECK ("notifications"."body" is null or char_length("notifications"."body") <= 5000),
	CONSTRAINT "notifications_data_object" CHECK (jsonb_typeof("notifications"."data") = 'object')
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "subscription_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid,
	"provider_event_id" text NOT NULL,
	"provider_subscription_id" text,
	"type" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"processed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_events_payload_object" CHECK (jsonb_typeof("subscription_events"."payload") = 'object'),
	CONSTRAINT "subscription_events_type_length" CHECK (char_length("subscription_events"."type") between 1 and 100),
	CONSTRAINT "subscription_events_provider_event_id_length" CHECK (char_length("subscription_events"."provider_event_id") between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"provider" text DEFAULT 'stripe' NOT NULL,
	"provider_customer_id" text NOT NULL,
	"provider_subscription_id" text NOT NULL,
	"plan" text NOT NULL,
	"status" "subscription_status" DEFAULT 'incomplete' NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"current_period_start" timestamp (3) with time zone,
	"current_period_end" timestamp (3) with time zone,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"trial_ends_at" timestamp (3) with time zone,
	"last_event_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriptions_quantity_non_negative" CHECK ("subscriptions"."quantity" >= 0),
	CONSTRAINT "subscriptions_period_order" CHECK ("subscriptions"."current_period_start" is null or "subscriptions"."current_period_end" is null or "subscriptions"."current_period_end" > "subscriptions"."current_period_start"),
	CONSTRAINT "subscriptions_provider_length" CHECK (char_length("subscriptions"."provider") between 1 and 50),
	CONSTRAINT "subscriptions_plan_length" CHECK (char_length("subscriptions"."plan") between 1 and 100),
	CONSTRAINT "subscriptions_provider_ids_length" CHECK (char_length("subscriptions"."provider_customer_id") between 1 and 255 and char_length("subscriptions"."provider_subscription_id") between 1 and 255)
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "domain_event_sequences" (
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"last_sequence" bigint NOT NULL,
	CONSTRAINT "domain_event_sequences_pkey" PRIMARY KEY("aggregate_type","aggregate_id"),
	CONSTRAINT "domain_event_sequences_last_sequence_positive" CHECK ("domain_event_sequences"."last_sequence" > 0)
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"sequence_number" bigint DEFAULT 0 NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"correlation_id" text,
	"status" "domain_event_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp (3) with time zone,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp (3) with time zone,
	"failed_at" timestamp (3) with time zone,
	CONSTRAINT "domain_events_attempts_non_negative" CHECK ("domain_events"."attempts" >= 0),
	CONSTRAINT "domain_events_sequence_number_positive" CHECK ("domain_events"."sequence_number" > 0),
	CONSTRAINT "domain_events_payload_object" CHECK (jsonb_typeof("domain_events"."payload") = 'object'),
	CONSTRAINT "domain_events_names_length" CHECK (char_length("domain_events"."aggregate_type") between 1 and 200 and char_length("domain_events"."aggregate_id") between 1 and 200 and char_length("domain_events"."event_type") between 1 and 200),
	CONSTRAINT "domain_events_published_at_status" CHECK (("domain_events"."status" = 'published') = ("domain_events"."published_at" is not null)),
	CONSTRAINT "domain_events_failed_at_status" CHECK (("domain_events"."status" = 'failed') = ("domain_events"."failed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"description" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "system_settings_key_format" CHECK ("system_settings"."key" ~ '^[a-z][a-z0-9_]{0,99}$'),
	CONSTRAINT "system_settings_value_object" CHECK (jsonb_typeof("system_settings"."value") = 'object'),
	CONSTRAINT "system_settings_description_length" CHECK ("system_settings"."description" is null or char_length("system_settings"."description") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "tenant_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_activity_metadata_object" CHECK (jsonb_typeof("tenant_activity"."metadata") = 'object'),
	CONSTRAINT "tenant_activity_action_length" CHECK (char_length("tenant_activity"."action") between 1 and 100),
	CONSTRAINT "tenant_activity_subject_length" CHECK (char_length(coalesce("tenant_activity"."subject_type", '')) <= 100
        and char_length(coalesce("tenant_activity"."subject_id", '')) <= 200)
);
--> statement-breakpoint
ALTER TABLE "tenant_activity" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "tenant_role" DEFAULT 'member' NOT NULL,
	"token_hash" text NOT NULL,
	"status" "tenant_invite_status" DEFAULT 'pending' NOT NULL,
	"invited_by_user_id" uuid,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"accepted_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_invites_email_lower_case" CHECK ("tenant_invites"."email" = lower("tenant_invites"."email")),
	CONSTRAINT "tenant_invites_expires_after_created" CHECK ("tenant_invites"."expires_at" > "tenant_invites"."created_at"),
	CONSTRAINT "tenant_invites_accepted_at_iff_accepted" CHECK (("tenant_invites"."status" = 'accepted') = ("tenant_invites"."accepted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "tenant_invites" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_members" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "tenant_role" DEFAULT 'member' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_members_pkey" PRIMARY KEY("tenant_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "tenant_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"custom_attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "tenants_slug_format" CHECK ("tenants"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "tenants_name_length" CHECK (char_length("tenants"."name") between 1 and 200),
	CONSTRAINT "tenants_custom_attributes_object" CHECK (jsonb_typeof("tenants"."custom_attributes") = 'object')
);
--> statement-breakpoint
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "admin_audit_log" ADD CONSTRAINT "admin_audit_log_admin_user_id_admin_users_id_fk" FOREIGN KEY ("admin_user_id") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_users" ADD CONSTRAINT "admin_users_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_users" ADD CONSTRAINT "admin_users_role_id_admin_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."admin_roles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_active_tenant_id_tenants_id_fk" FOREIGN KEY ("active_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos" ADD CONSTRAINT "todos_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "todos" ADD CONSTRAINT "todos_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_daily" ADD CONSTRAINT "user_activity_daily_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_daily" ADD CONSTRAINT "user_activity_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_target_id_notification_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."notification_targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_targets" ADD CONSTRAINT "notification_targets_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_activity" ADD CONSTRAINT "tenant_activity_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_activity" ADD CONSTRAINT "tenant_activity_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_invites" ADD CONSTRAINT "tenant_invites_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_invites" ADD CONSTRAINT "tenant_invites_invited_by_user_id_user_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_members" ADD CONSTRAINT "tenant_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_members" ADD CONSTRAINT "tenant_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_audit_log_created_at_idx" ON "admin_audit_log" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "admin_audit_log_admin_user_created_idx" ON "admin_audit_log" USING btree ("admin_user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "admin_audit_log_subject_created_idx" ON "admin_audit_log" USING btree ("subject_type","subject_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "admin_roles_name_unique" ON "admin_roles" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_users_user_id_unique" ON "admin_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "admin_users_role_id_idx" ON "admin_users" USING btree ("role_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_provider_account_unique" ON "account" USING btree ("provider_id","account_id");--> statement-breakpoint
CREATE INDEX "account_user_id_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "jwks_created_at_idx" ON "jwks" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "session_token_unique" ON "session" USING btree ("token");--> statement-breakpoint
CREATE INDEX "session_user_id_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_active_tenant_id_idx" ON "session" USING btree ("active_tenant_id");--> statement-breakpoint
CREATE INDEX "session_expires_at_idx" ON "session" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_email_unique" ON "user" USING btree ("email");--> statement-breakpoint
CREATE INDEX "user_created_at_idx" ON "user" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "verification_identifier_idx" ON "verification" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "verification_expires_at_idx" ON "verification" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "todos_tenant_created_live_idx" ON "todos" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "todos"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "todos_user_id_idx" ON "todos" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_activity_daily_tenant_day_idx" ON "user_activity_daily" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_email_unique" ON "waitlist" USING btree ("email");--> statement-breakpoint
CREATE INDEX "waitlist_created_idx" ON "waitlist" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "waitlist_status_created_idx" ON "waitlist" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_notification_target_unique" ON "notification_deliveries" USING btree ("notification_id","target_id");--> statement-breakpoint
CREATE INDEX "notification_deliveries_target_id_idx" ON "notification_deliveries" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "notification_deliveries_pending_idx" ON "notification_deliveries" USING btree ("created_at","id") WHERE "notification_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notification_preferences_tenant_id_idx" ON "notification_preferences" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_targets_channel_address_unique" ON "notification_targets" USING btree ("channel","address");--> statement-breakpoint
CREATE INDEX "notification_targets_user_id_idx" ON "notification_targets" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_tenant_user_created_idx" ON "notifications" USING btree ("tenant_id","user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_user_tenant_unread_idx" ON "notifications" USING btree ("user_id","tenant_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_id_idx" ON "notifications" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_events_provider_event_id_unique" ON "subscription_events" USING btree ("provider_event_id");--> statement-breakpoint
CREATE INDEX "subscription_events_subscription_created_idx" ON "subscription_events" USING btree ("subscription_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "subscription_events_unprocessed_idx" ON "subscription_events" USING btree ("created_at","id") WHERE "subscription_events"."processed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_provider_subscription_id_unique" ON "subscriptions" USING btree ("provider_subscription_id");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_status_idx" ON "subscriptions" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_created_idx" ON "subscriptions" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "domain_events_aggregate_sequence_unique" ON "domain_events" USING btree ("aggregate_type","aggregate_id","sequence_number");--> statement-breakpoint
CREATE INDEX "domain_events_pending_created_idx" ON "domain_events" USING btree ("created_at","id") WHERE "domain_events"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "domain_events_done_created_idx" ON "domain_events" USING btree ("created_at") WHERE "domain_events"."status" <> 'pending';--> statement-breakpoint
CREATE INDEX "tenant_activity_tenant_created_idx" ON "tenant_activity" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tenant_activity_actor_user_id_idx" ON "tenant_activity" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "tenant_activity_created_at_idx" ON "tenant_activity" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_invites_token_hash_unique" ON "tenant_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_invites_tenant_email_pending_unique" ON "tenant_invites" USING btree ("tenant_id","email") WHERE "tenant_invites"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "tenant_invites_tenant_pending_idx" ON "tenant_invites" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "tenant_invites"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "tenant_invites_tenant_created_idx" ON "tenant_invites" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tenant_invites_pending_expires_at_idx" ON "tenant_invites" USING btree ("expires_at") WHERE "tenant_invites"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "tenant_invites_terminal_updated_at_idx" ON "tenant_invites" USING btree ("updated_at") WHERE "tenant_invites"."status" <> 'pending';--> statement-breakpoint
CREATE INDEX "tenant_invites_invited_by_user_id_idx" ON "tenant_invites" USING btree ("invited_by_user_id");--> statement-breakpoint
CREATE INDEX "tenant_members_user_id_idx" ON "tenant_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "tenant_members_tenant_role_idx" ON "tenant_members" USING btree ("tenant_id","role");--> statement-breakpoint
CREATE INDEX "tenant_members_tenant_created_idx" ON "tenant_members" USING btree ("tenant_id","created_at" DESC NULLS LAST,"user_id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_slug_unique" ON "tenants" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "tenants_created_at_live_idx" ON "tenants" USING btree ("created_at","id") WHERE "tenants"."deleted_at" is null;--> statement-breakpoint
CREATE POLICY "tenant_rows_of_caller" ON "todos" AS PERMISSIVE FOR ALL TO "authenticated" USING ("todos"."tenant_id" in (select public.auth_tenant_ids())) WITH CHECK ("todos"."tenant_id" in (select public.auth_tenant_ids()));--> statement-breakpoint
CREATE POLICY "tenant_rows_of_caller" ON "user_activity_daily" AS PERMISSIVE FOR ALL TO "authenticated" USING ("user_activity_daily"."tenant_id" in (select public.auth_tenant_ids()) or ("user_activity_daily"."tenant_id" is null and "user_activity_daily"."user_id" = public.auth_user_id())) WITH CHECK ("user_activity_daily"."tenant_id" in (select public.auth_tenant_ids()) or ("user_activity_daily"."tenant_id" is null and "user_activity_daily"."user_id" = public.auth_user_id()));--> statement-breakpoint
CREATE POLICY "tenant_rows_of_caller" ON "notification_preferences" AS PERMISSIVE FOR ALL TO "authenticated" USING ("notification_preferences"."tenant_id" in (select public.auth_tenant_ids()) or ("notification_preferences"."tenant_id" is null and "notification_preferences"."user_id" = public.auth_user_id())) WITH CHECK ("notification_preferences"."tenant_id" in (select public.auth_tenant_ids()) or ("notification_preferences"."tenant_id" is null and "notification_preferences"."user_id" = public.auth_user_id()));--> statement-breakpoint
CREATE POLICY "tenant_rows_of_caller" ON "notifications" AS PERMISSIVE FOR ALL TO "authenticated" USING ("notifications"."tenant_id" in (select public.auth_tenant_ids())) WITH CHECK ("notifications"."tenant_id" in (select public.auth_tenant_ids()));--> statement-breakpoint
CREATE POLICY "tenant_rows_of_caller" ON "subscriptions" AS PERMISSIVE FOR ALL TO "authenticated" USING ("subscriptions"."tenant_id" in (select public.auth_tenant_ids())) WITH CHECK ("subscriptions"."tenant_id" in (select public.auth_tenant_ids()));--> statement-breakpoint
CREATE POLICY "tenant_rows_of_caller" ON "tenant_activity" AS PERMISSIVE FOR ALL TO "authenticated" USING ("tenant_activity"."tenant_id" in (select public.auth_tenant_ids())) WITH CHECK ("tenant_activity"."tenant_id" in (select public.auth_tenant_ids()));--> statement-breakpoint
CREATE POLICY "tenant_rows_of_caller" ON "tenant_invites" AS PERMISSIVE FOR ALL TO "authenticated" USING ("tenant_invites"."tenant_id" in (select public.auth_tenant_ids())) WITH CHECK ("tenant_invites"."tenant_id" in (select public.auth_tenant_ids()));--> statement-breakpoint
CREATE POLICY "tenant_rows_of_caller" ON "tenant_members" AS PERMISSIVE FOR ALL TO "authenticated" USING ("tenant_members"."tenant_id" in (select public.auth_tenant_ids())) WITH CHECK ("tenant_members"."tenant_id" in (select public.auth_tenant_ids()));--> statement-breakpoint
CREATE POLICY "tenant_rows_of_caller" ON "tenants" AS PERMISSIVE FOR ALL TO "authenticated" USING ("tenants"."id" in (select public.auth_tenant_ids())) WITH CHECK ("tenants"."id" in (select public.auth_tenant_ids()));