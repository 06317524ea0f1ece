-- updated_at is kept by the database (set_updated_at from 0001), so webhook handlers writing raw SQL keep it too.
CREATE TRIGGER subscriptions_set_updated_at BEFORE UPDATE ON "subscriptions" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
