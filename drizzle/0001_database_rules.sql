-- Database-side rules: what must hold for every writer (raw SQL, other clients), not only for our query objects.

-- updated_at is kept by the database. clock_timestamp(), not now(): now() is frozen for a whole transaction, so an
-- update in the transaction that inserted the row would not move it.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER account_set_updated_at BEFORE UPDATE ON "account" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER admin_roles_set_updated_at BEFORE UPDATE ON "admin_roles" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER admin_users_set_updated_at BEFORE UPDATE ON "admin_users" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER notification_deliveries_set_updated_at BEFORE UPDATE ON "notification_deliveries" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER notification_preferences_set_updated_at BEFORE UPDATE ON "notification_preferences" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER notification_targets_set_updated_at BEFORE UPDATE ON "notification_targets" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER session_set_updated_at BEFORE UPDATE ON "session" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER subscriptions_set_updated_at BEFORE UPDATE ON "subscriptions" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER system_settings_set_updated_at BEFORE UPDATE ON "system_settings" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER tenant_members_set_updated_at BEFORE UPDATE ON "tenant_members" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER tenants_set_updated_at BEFORE UPDATE ON "tenants" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER todos_set_updated_at BEFORE UPDATE ON "todos" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER user_set_updated_at BEFORE UPDATE ON "user" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER user_activity_daily_set_updated_at BEFORE UPDATE ON "user_activity_daily" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
CREATE TRIGGER verification_set_updated_at BEFORE UPDATE ON "verification" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
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
-- Per-aggregate sequence numbers of domain_events, gap-free under concurrent writers. A trigger, so no writer (raw
-- SQL included) can pick its own number. Why not `select max(sequence_number) + 1`: two concurrent transactions
-- both read the same max (neither sees the other's uncommitted row) and collide on the unique index; locking the
-- existing rows does not help for an aggregate that has none yet, and a plain SEQUENCE is not per aggregate and
-- leaves gaps on rollback (nextval is never rolled back). Instead, upsert the aggregate's counter row: the row lock
-- taken by ON CONFLICT DO UPDATE queues the other writers of that aggregate until this transaction ends, then they
-- read the committed value; the counter update rolls back with the transaction, so an aborted insert leaves no gap.
-- Under REPEATABLE READ or SERIALIZABLE a queued writer gets a serialization failure (40001) instead: retry it.
CREATE OR REPLACE FUNCTION domain_events_assign_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO domain_event_sequences AS s (aggregate_type, aggregate_id, last_sequence)
  VALUES (NEW.aggregate_type, NEW.aggregate_id, 1)
  ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET last_sequence = s.last_sequence + 1
  RETURNING s.last_sequence INTO NEW.sequence_number;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER domain_events_assign_sequence BEFORE INSERT ON "domain_events" FOR EACH ROW EXECUTE FUNCTION domain_events_assign_sequence();
--> statement-breakpoint
-- An event's identity and place in its aggregate's stream never change once written; only its delivery state does.
-- A trigger, because a check constraint cannot compare OLD with NEW.
CREATE OR REPLACE FUNCTION domain_events_keep_identity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.aggregate_type IS DISTINCT FROM OLD.aggregate_type
     OR NEW.aggregate_id IS DISTINCT FROM OLD.aggregate_id
     OR NEW.sequence_number IS DISTINCT FROM OLD.sequence_number THEN
    RAISE EXCEPTION 'A domain event''s aggregate and sequence number cannot change' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER domain_events_keep_identity BEFORE UPDATE ON "domain_events" FOR EACH ROW EXECUTE FUNCTION domain_events_keep_identity();
