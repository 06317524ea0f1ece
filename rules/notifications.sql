-- Delivery status moves only forward: pending -> sending (a worker claimed it) -> sent | failed, and
-- sending -> pending to retry after a failed attempt. sent and failed are terminal.
-- A trigger, not a check: a check sees only the new row, and the rule is about the old status too. Raised as a
-- check_violation naming the rule, so callers get a CheckViolationError for it.
CREATE OR REPLACE FUNCTION notification_deliveries_enforce_status_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.status, NEW.status) IN (('pending', 'sending'), ('sending', 'sent'), ('sending', 'failed'), ('sending', 'pending')) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'A notification delivery status only moves forward: pending -> sending -> sent or failed, or sending -> pending to retry'
    USING ERRCODE = '23514', CONSTRAINT = 'notification_deliveries_status_forward';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notification_deliveries_status_forward BEFORE UPDATE OF status ON "notification_deliveries"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION notification_deliveries_enforce_status_forward();
--> statement-breakpoint
-- updated_at is kept by the database (see 0001), so raw SQL and other clients keep it too.
CREATE TRIGGER notification_targets_set_updated_at BEFORE UPDATE ON "notification_targets" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER notification_deliveries_set_updated_at BEFORE UPDATE ON "notification_deliveries" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER notification_preferences_set_updated_at BEFORE UPDATE ON "notification_preferences" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
