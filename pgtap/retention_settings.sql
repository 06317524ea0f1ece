-- The retention defaults row is created by a migration, idempotently.
BEGIN;
SELECT plan(3);

SELECT is(
  (SELECT value FROM system_settings WHERE key = 'retention_settings'),
  '{"audit_events": {"enabled": true, "retention_days": 90}, "invitations": {"enabled": true, "retention_days": 180}, "domain_events": {"enabled": true, "retention_days": 30}}'::jsonb,
  'the retention defaults are in system_settings'
);

UPDATE system_settings SET value = jsonb_set(value, '{audit_events,retention_days}', '365') WHERE key = 'retention_settings';
INSERT INTO "system_settings" ("key", "value", "description")
VALUES ('retention_settings', '{"audit_events": {"enabled": true, "retention_days": 90}}'::jsonb, 'again')
ON CONFLICT ("key") DO NOTHING;
SELECT is(
  (SELECT (value #>> '{audit_events,retention_days}')::int FROM system_settings WHERE key = 'retention_settings'),
  365,
  're-running the seed statement keeps an operator''s change'
);
SELECT is((SELECT count(*)::int FROM system_settings WHERE key = 'retention_settings'), 1, 'one row');

SELECT * FROM finish();
ROLLBACK;
