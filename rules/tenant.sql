-- updated_at is kept by the database (set_updated_at() from 0001), so raw SQL and other clients keep it too.
-- tenant_activity has no updated_at: its rows are never changed.
CREATE TRIGGER tenant_invites_set_updated_at BEFORE UPDATE ON "tenant_invites" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
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
