-- updated_at is kept by the database, so raw SQL and other clients keep it too.
-- clock_timestamp(), not now(): now() is frozen for a whole transaction, so an update in the transaction that
-- inserted the row would not move it.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER user_set_updated_at BEFORE UPDATE ON "user" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER session_set_updated_at BEFORE UPDATE ON "session" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER account_set_updated_at BEFORE UPDATE ON "account" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER verification_set_updated_at BEFORE UPDATE ON "verification" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER tenants_set_updated_at BEFORE UPDATE ON "tenants" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER tenant_members_set_updated_at BEFORE UPDATE ON "tenant_members" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER todos_set_updated_at BEFORE UPDATE ON "todos" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
