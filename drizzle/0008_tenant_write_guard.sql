-- Tenant databases (docs/tenant-databases.md): the grants of the two new server-only tables, and the write guard a
-- tenant move attaches to the tenant-data tables of the database it moves a tenant out of.
CREATE TRIGGER tenant_databases_set_updated_at BEFORE UPDATE ON "tenant_databases" FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--> statement-breakpoint
-- Encrypted connection URLs and fences are for the server alone, whatever a platform's default privileges granted.
REVOKE ALL ON TABLE "tenant_databases", "tenant_fences" FROM PUBLIC, anon, authenticated;
--> statement-breakpoint
GRANT ALL ON TABLE "tenant_databases", "tenant_fences" TO service_role;
--> statement-breakpoint
-- Every write of a tenant's row first takes the tenant's move lock in shared mode: a move takes it exclusively to
-- copy the last changes and switch, so a write either lands before (and is copied) or waits. After the switch the
-- fence refuses the write (SQLSTATE DBM01), and the router retries it on the tenant's new database.
-- SECURITY DEFINER so a writer without rights on tenant_fences (the `authenticated` role under RLS) can be checked;
-- search_path is empty so nothing the writer created can shadow what it reads.
CREATE OR REPLACE FUNCTION private.tenant_write_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = ''
AS $$
DECLARE
  tenant uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
BEGIN
  IF tenant IS NULL OR current_setting('database.tenant_move', true) = 'on' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  PERFORM pg_catalog.pg_advisory_xact_lock_shared(pg_catalog.hashtext('database.tenant_move'), pg_catalog.hashtext(tenant::text));
  IF EXISTS (SELECT 1 FROM public.tenant_fences f WHERE f.tenant_id = tenant) THEN
    RAISE EXCEPTION 'this tenant''s data has moved to another database' USING ERRCODE = 'DBM01';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION private.tenant_write_guard() FROM PUBLIC, anon, authenticated;
