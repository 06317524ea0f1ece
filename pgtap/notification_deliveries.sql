-- notification_deliveries_status_forward: delivery status only moves forward.
BEGIN;
SELECT plan(8);

SELECT has_trigger('notification_deliveries', 'notification_deliveries_status_forward', 'notification_deliveries_status_forward exists');

INSERT INTO "user" (id, name, email) VALUES ('00000000-0000-4000-8000-000000000001', 'Ada', 'ada@example.com');
INSERT INTO tenants (id, name, slug) VALUES ('00000000-0000-4000-8000-0000000000a1', 'Acme', 'acme');
INSERT INTO notifications (id, tenant_id, user_id, type, title)
VALUES ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'invite.accepted', 'Hi');
INSERT INTO notification_deliveries (id, notification_id, channel) VALUES
  ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000b1', 'email'),
  ('00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000b1', 'push');

SELECT throws_ok(
  $$ UPDATE notification_deliveries SET status = 'sent', sent_at = now() WHERE id = '00000000-0000-4000-8000-0000000000c1' $$,
  '23514', NULL, 'pending -> sent skips sending: rejected'
);
SELECT lives_ok(
  $$ UPDATE notification_deliveries SET status = 'sending' WHERE id = '00000000-0000-4000-8000-0000000000c1' $$,
  'pending -> sending'
);
SELECT lives_ok(
  $$ UPDATE notification_deliveries SET status = 'pending' WHERE id = '00000000-0000-4000-8000-0000000000c1' $$,
  'sending -> pending (retry)'
);
UPDATE notification_deliveries SET status = 'sending' WHERE id = '00000000-0000-4000-8000-0000000000c1';
SELECT lives_ok(
  $$ UPDATE notification_deliveries SET status = 'sent', sent_at = now() WHERE id = '00000000-0000-4000-8000-0000000000c1' $$,
  'sending -> sent'
);
SELECT throws_ok(
  $$ UPDATE notification_deliveries SET status = 'pending', sent_at = NULL WHERE id = '00000000-0000-4000-8000-0000000000c1' $$,
  '23514', NULL, 'sent is terminal'
);
UPDATE notification_deliveries SET status = 'sending' WHERE id = '00000000-0000-4000-8000-0000000000c2';
UPDATE notification_deliveries SET status = 'failed' WHERE id = '00000000-0000-4000-8000-0000000000c2';
SELECT throws_ok(
  $$ UPDATE notification_deliveries SET status = 'sending' WHERE id = '00000000-0000-4000-8000-0000000000c2' $$,
  '23514', NULL, 'failed is terminal'
);
SELECT lives_ok(
  $$ UPDATE notification_deliveries SET attempts = attempts + 1 WHERE id = '00000000-0000-4000-8000-0000000000c2' $$,
  'updates that keep the status are allowed'
);

SELECT * FROM finish();
ROLLBACK;
