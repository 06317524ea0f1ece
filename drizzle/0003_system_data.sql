-- Retention defaults read by the prune jobs (src/queries/system/prune.ts). ON CONFLICT DO NOTHING: re-running it
-- never overwrites values an operator has changed since.
INSERT INTO "system_settings" ("key", "value", "description")
VALUES (
  'retention_settings',
  '{"audit_events": {"enabled": true, "retention_days": 90}, "invitations": {"enabled": true, "retention_days": 180}, "domain_events": {"enabled": true, "retention_days": 30}}'::jsonb,
  'How long pruned kinds are kept: audit/activity rows, terminal invites, published or failed domain events'
)
ON CONFLICT ("key") DO NOTHING;
