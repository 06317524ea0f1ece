CREATE TABLE "tenant_databases" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"encrypted_url" text NOT NULL,
	"key_id" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_databases_key_id_format" CHECK ("tenant_databases"."key_id" ~ '^[A-Za-z0-9_-]{1,64}$'),
	CONSTRAINT "tenant_databases_version_positive" CHECK ("tenant_databases"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "tenant_databases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_fences" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"fenced_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_fences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_databases" ADD CONSTRAINT "tenant_databases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;