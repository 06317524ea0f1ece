CREATE TYPE "public"."tenant_invite_status" AS ENUM('pending', 'accepted', 'revoked', 'expired');--> statement-breakpoint
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
ALTER TABLE "tenant_activity" ADD CONSTRAINT "tenant_activity_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_activity" ADD CONSTRAINT "tenant_activity_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_invites" ADD CONSTRAINT "tenant_invites_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_invites" ADD CONSTRAINT "tenant_invites_invited_by_user_id_user_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "tenant_members_tenant_created_idx" ON "tenant_members" USING btree ("tenant_id","created_at" DESC NULLS LAST,"user_id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_name_length" CHECK (char_length("tenants"."name") between 1 and 200);