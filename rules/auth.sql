-- auth rules. updated_at is kept by the database (set_updated_at() from 0001), so Better Auth, raw SQL and other
-- clients keep it too; Better Auth itself also sends updatedAt, the trigger overrides it with the database clock.
-- CREATE OR REPLACE TRIGGER (PostgreSQL 14+): these are the same triggers the foundation migration declares, so
-- this file applies whether or not that migration already created them.
CREATE OR REPLACE TRIGGER user_set_updated_at BEFORE UPDATE ON "user" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER session_set_updated_at BEFORE UPDATE ON "session" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER account_set_updated_at BEFORE UPDATE ON "account" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER verification_set_updated_at BEFORE UPDATE ON "verification" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
