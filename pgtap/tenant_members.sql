-- tenant_members_keep_last_owner: a tenant never loses its last owner, but can itself be deleted.
BEGIN;
SELECT plan(8);

SELECT has_trigger('tenant_members', 'tenant_members_keep_last_owner', 'tenant_members_keep_last_owner exists');

INSERT INTO "user" (id, name, email) VALUES
  ('00000000-0000-4000-8000-000000000001', 'Ada', 'ada@example.com'),
  ('00000000-0000-4000-8000-000000000002', 'Grace', 'grace@example.com');
INSERT INTO tenants (id, name, slug) VALUES ('00000000-0000-4000-8000-0000000000a1', 'Acme', 'acme');
INSERT INTO tenant_members (tenant_id, user_id, role) VALUES
  ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'owner'),
  ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000002', 'member');

SELECT throws_ok(
  $$ UPDATE tenant_members SET role = 'admin' WHERE user_id = '00000000-0000-4000-8000-000000000001' $$,
  'P0001', 'A tenant must keep at least one owner: cannot remove or demote the last owner',
  'demoting the last owner is rejected'
);
SELECT throws_ok(
  $$ DELETE FROM tenant_members WHERE user_id = '00000000-0000-4000-8000-000000000001' $$,
  'P0001', NULL, 'removing the last owner is rejected'
);
SELECT throws_ok(
  $$ DELETE FROM "user" WHERE id = '00000000-0000-4000-8000-000000000001' $$,
  'P0001', NULL, 'deleting the user who is the last owner is rejected (the cascade reaches the rule)'
);
SELECT throws_ok(
  $$ UPDATE tenant_members SET role = 'member' $$,
  'P0001', NULL, 'one statement demoting every owner is rejected'
);

UPDATE tenant_members SET role = 'owner' WHERE user_id = '00000000-0000-4000-8000-000000000002';
SELECT lives_ok(
  $$ UPDATE tenant_members SET role = 'member' WHERE user_id = '00000000-0000-4000-8000-000000000001' $$,
  'with two owners, one can be demoted'
);
SELECT lives_ok(
  $$ DELETE FROM tenants WHERE id = '00000000-0000-4000-8000-0000000000a1' $$,
  'deleting the tenant deletes its members, last owner included'
);
SELECT is((SELECT count(*) FROM tenant_members)::int, 0, 'no member rows remain');

SELECT * FROM finish();
ROLLBACK;
