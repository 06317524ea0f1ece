-- updated_at is kept by the database (set_updated_at() from 0001), so raw SQL and other clients keep it too.
CREATE TRIGGER system_settings_set_updated_at BEFORE UPDATE ON "system_settings" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
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
