-- updated_at is kept by the database (set_updated_at() from 0001), so raw SQL and other clients keep it too.
CREATE TRIGGER admin_roles_set_updated_at BEFORE UPDATE ON "admin_roles" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER admin_users_set_updated_at BEFORE UPDATE ON "admin_users" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
