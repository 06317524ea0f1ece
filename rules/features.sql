-- updated_at is kept by the database (set_updated_at from 0001); it also fires on the upsert's ON CONFLICT DO UPDATE,
-- so updated_at tells when the day's counter last moved.
CREATE TRIGGER user_activity_daily_set_updated_at BEFORE UPDATE ON "user_activity_daily" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
