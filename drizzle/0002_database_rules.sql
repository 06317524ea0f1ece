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
CREATE TRIGGER tenant_invites_set_updated_at BEFORE UPDATE ON "tenant_invites" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
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
--> statement-breakpoint
-- A tenant never loses its last owner. A trigger, not a check constraint: the rule spans rows (a check sees one row).
--
-- * AFTER ROW, not BEFORE: the count runs once the whole statement has applied, so one statement that demotes or
--   deletes every owner at once is caught as well.
-- * Race safety: two transactions demoting two different owners lock different member rows and would each count the
--   other owner as still there. Locking the tenant row (FOR UPDATE) first makes such changes take turns per tenant;
--   at READ COMMITTED (the default) the count after the lock is a fresh snapshot that sees the other's committed
--   demotion, so the second one is rejected. (At REPEATABLE READ the count would still see the transaction's start
--   snapshot; run ownership changes at READ COMMITTED or SERIALIZABLE.) Member rows are not locked: the second
--   transaction already holds its own member row, so locking the remaining owners could deadlock.
-- * Deleting the tenant itself must work: the FK cascade deletes the members after the tenant row is gone, so the
--   tenant row is no longer visible here. "No tenant row" therefore means "the tenant is being (or was) deleted" and
--   the rule does not apply; there is nothing left to own. A soft-deleted tenant still counts as live (it can be
--   restored, and an ownerless tenant could not be administered), so its last owner stays too.
-- * Deleting a user who is the last owner of a tenant is rejected too (the cascade reaches tenant_members): transfer
--   ownership or delete the tenant first.
-- The error carries a caller-facing message without values and the rule name as CONSTRAINT, which
-- toDatabaseError maps to CheckViolationError.
CREATE OR REPLACE FUNCTION tenant_members_keep_last_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role <> 'owner' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.role = 'owner' AND NEW.tenant_id = OLD.tenant_id THEN
    RETURN NULL;
  END IF;

  PERFORM 1 FROM tenants WHERE id = OLD.tenant_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  IF NOT EXISTS (SELECT 1 FROM tenant_members WHERE tenant_id = OLD.tenant_id AND role = 'owner') THEN
    RAISE EXCEPTION 'A tenant must keep at least one owner: cannot remove or demote the last owner'
      USING ERRCODE = 'P0001', CONSTRAINT = 'tenant_members_keep_last_owner',
            HINT = 'Make another member owner first, or delete the tenant.';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER tenant_members_keep_last_owner AFTER UPDATE OF role, tenant_id OR DELETE ON "tenant_members"
  FOR EACH ROW EXECUTE FUNCTION tenant_members_keep_last_owner();
--> statement-breakpoint
-- Row-Level Security, part 2 of 2: what `authenticated` may attempt at all. Runs AFTER the tables exist. The
-- policies then limit every granted statement to the caller's tenants (WITH CHECK rejects a write into another one).
-- Only tenant tables with a policy are granted: every other table (auth, admin, system, deliveries, targets) stays
-- closed to authenticated and anon (permission denied), and anon gets no table at all.
--
-- Writes that need a tenant role (owner/admin), not just membership, stay server-side (the query objects on the
-- owner connection, or service_role): the tenant itself, memberships, invites and billing are read-only here.
GRANT SELECT ON "tenants", "tenant_members", "tenant_invites", "subscriptions" TO authenticated;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "todos", "notification_preferences" TO authenticated;
--> statement-breakpoint
-- Append-only activity; server-kept counters; notifications are created by the server and only marked read here.
GRANT SELECT, INSERT ON "tenant_activity" TO authenticated;
--> statement-breakpoint
GRANT SELECT ON "user_activity_daily" TO authenticated;
--> statement-breakpoint
GRANT SELECT, UPDATE ("read_at") ON "notifications" TO authenticated;
