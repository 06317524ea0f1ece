-- set_updated_at(): every table with updated_at keeps it on any UPDATE, including raw SQL.
BEGIN;
SELECT plan(21);

SELECT has_function('public', 'set_updated_at', ARRAY[]::text[], 'set_updated_at() exists');
SELECT has_trigger('account', 'account_set_updated_at', 'account keeps updated_at (account_set_updated_at)');
SELECT has_trigger('admin_roles', 'admin_roles_set_updated_at', 'admin_roles keeps updated_at (admin_roles_set_updated_at)');
SELECT has_trigger('admin_users', 'admin_users_set_updated_at', 'admin_users keeps updated_at (admin_users_set_updated_at)');
SELECT has_trigger('notification_deliveries', 'notification_deliveries_set_updated_at', 'notification_deliveries keeps updated_at (notification_deliveries_set_updated_at)');
SELECT has_trigger('notification_preferences', 'notification_preferences_set_updated_at', 'notification_preferences keeps updated_at (notification_preferences_set_updated_at)');
SELECT has_trigger('notification_targets', 'notification_targets_set_updated_at', 'notification_targets keeps updated_at (notification_targets_set_updated_at)');
SELECT has_trigger('session', 'session_set_updated_at', 'session keeps updated_at (session_set_updated_at)');
SELECT has_trigger('subscriptions', 'subscriptions_set_updated_at', 'subscriptions keeps updated_at (subscriptions_set_updated_at)');
SELECT has_trigger('system_settings', 'system_settings_set_updated_at', 'system_settings keeps updated_at (system_settings_set_updated_at)');
SELECT has_trigger('tenant_databases', 'tenant_databases_set_updated_at', 'tenant_databases keeps updated_at (tenant_databases_set_updated_at)');
SELECT has_trigger('tenant_invites', 'tenant_invites_set_updated_at', 'tenant_invites keeps updated_at (tenant_invites_set_updated_at)');
SELECT has_trigger('tenant_members', 'tenant_members_set_updated_at', 'tenant_members keeps updated_at (tenant_members_set_updated_at)');
SELECT has_trigger('tenants', 'tenants_set_updated_at', 'tenants keeps updated_at (tenants_set_updated_at)');
SELECT has_trigger('todos', 'todos_set_updated_at', 'todos keeps updated_at (todos_set_updated_at)');
SELECT has_trigger('user', 'user_set_updated_at', 'user keeps updated_at (user_set_updated_at)');
SELECT has_trigger('user_activity_daily', 'user_activity_daily_set_updated_at', 'user_activity_daily keeps updated_at (user_activity_daily_set_updated_at)');
SELECT has_trigger('verification', 'verification_set_updated_at', 'verification keeps updated_at (verification_set_updated_at)');

INSERT INTO "user" (id, name, email, created_at, updated_at)
VALUES ('00000000-0000-4000-8000-000000000001', 'Ada', 'ada@example.com', now() - interval '1 day', now() - interval '1 day');
UPDATE "user" SET name = 'Ada L.' WHERE id = '00000000-0000-4000-8000-000000000001';
SELECT ok(
  (SELECT updated_at > created_at FROM "user" WHERE id = '00000000-0000-4000-8000-000000000001'),
  'user_set_updated_at moves updated_at on a raw UPDATE'
);
UPDATE "user" SET updated_at = '2000-01-01' WHERE id = '00000000-0000-4000-8000-000000000001';
SELECT ok(
  (SELECT updated_at > '2001-01-01' FROM "user" WHERE id = '00000000-0000-4000-8000-000000000001'),
  'an explicit updated_at is overridden by the clock (one source of truth)'
);
INSERT INTO tenants (id, name, slug) VALUES ('00000000-0000-4000-8000-0000000000a1', 'Acme', 'acme-pgtap');
INSERT INTO todos (tenant_id, user_id, title, created_at, updated_at)
VALUES ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'x', now(), now());
UPDATE todos SET completed = true WHERE tenant_id = '00000000-0000-4000-8000-0000000000a1';
SELECT ok(
  (SELECT updated_at > created_at FROM todos WHERE tenant_id = '00000000-0000-4000-8000-0000000000a1'),
  'todos_set_updated_at moves updated_at within the inserting transaction (clock_timestamp, not now)'
);

SELECT * FROM finish();
ROLLBACK;
