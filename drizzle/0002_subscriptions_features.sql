CREATE TYPE "public"."waitlist_status" AS ENUM('waiting', 'invited', 'joined');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused');--> statement-breakpoint
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
ALTER TABLE "user_activity_daily" ADD CONSTRAINT "user_activity_daily_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_daily" ADD CONSTRAINT "user_activity_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_activity_daily_tenant_day_idx" ON "user_activity_daily" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_email_unique" ON "waitlist" USING btree ("email");--> statement-breakpoint
CREATE INDEX "waitlist_created_idx" ON "waitlist" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "waitlist_status_created_idx" ON "waitlist" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_events_provider_event_id_unique" ON "subscription_events" USING btree ("provider_event_id");--> statement-breakpoint
CREATE INDEX "subscription_events_subscription_created_idx" ON "subscription_events" USING btree ("subscription_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "subscription_events_unprocessed_idx" ON "subscription_events" USING btree ("created_at","id") WHERE "subscription_events"."processed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_provider_subscription_id_unique" ON "subscriptions" USING btree ("provider_subscription_id");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_status_idx" ON "subscriptions" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "subscriptions_tenant_created_idx" ON "subscriptions" USING btree ("tenant_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);