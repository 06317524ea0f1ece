CREATE TYPE "public"."domain_event_status" AS ENUM('pending', 'published', 'failed');--> statement-breakpoint
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
ALTER TABLE "admin_audit_log" ADD CONSTRAINT "admin_audit_log_admin_user_id_admin_users_id_fk" FOREIGN KEY ("admin_user_id") REFERENCES "public"."admin_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_users" ADD CONSTRAINT "admin_users_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_users" ADD CONSTRAINT "admin_users_role_id_admin_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."admin_roles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_audit_log_created_at_idx" ON "admin_audit_log" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "admin_audit_log_admin_user_created_idx" ON "admin_audit_log" USING btree ("admin_user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "admin_audit_log_subject_created_idx" ON "admin_audit_log" USING btree ("subject_type","subject_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "admin_roles_name_unique" ON "admin_roles" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_users_user_id_unique" ON "admin_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "admin_users_role_id_idx" ON "admin_users" USING btree ("role_id");--> statement-breakpoint
CREATE UNIQUE INDEX "domain_events_aggregate_sequence_unique" ON "domain_events" USING btree ("aggregate_type","aggregate_id","sequence_number");--> statement-breakpoint
CREATE INDEX "domain_events_pending_created_idx" ON "domain_events" USING btree ("created_at","id") WHERE "domain_events"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "domain_events_done_created_idx" ON "domain_events" USING btree ("created_at") WHERE "domain_events"."status" <> 'pending';