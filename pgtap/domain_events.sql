-- The outbox: per-aggregate gap-free sequence numbers (domain_events_assign_sequence) and immutable identity
-- (domain_events_keep_identity).
BEGIN;
SELECT plan(9);

SELECT has_trigger('domain_events', 'domain_events_assign_sequence', 'domain_events_assign_sequence exists');
SELECT has_trigger('domain_events', 'domain_events_keep_identity', 'domain_events_keep_identity exists');

INSERT INTO domain_events (aggregate_type, aggregate_id, event_type) VALUES ('order', 'a', 'created');
INSERT INTO domain_events (aggregate_type, aggregate_id, event_type) VALUES ('order', 'a', 'paid');
INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, sequence_number) VALUES ('order', 'a', 'shipped', 99);
INSERT INTO domain_events (aggregate_type, aggregate_id, event_type) VALUES ('order', 'b', 'created');
INSERT INTO domain_events (aggregate_type, aggregate_id, event_type) VALUES ('invoice', 'a', 'created');

SELECT results_eq(
  $$ SELECT sequence_number FROM domain_events WHERE aggregate_type = 'order' AND aggregate_id = 'a' ORDER BY created_at, sequence_number $$,
  $$ VALUES (1::bigint), (2::bigint), (3::bigint) $$,
  'one aggregate gets 1, 2, 3 (a number passed by the writer is ignored)'
);
SELECT is((SELECT sequence_number FROM domain_events WHERE aggregate_type = 'order' AND aggregate_id = 'b'), 1::bigint, 'another aggregate id starts at 1');
SELECT is((SELECT sequence_number FROM domain_events WHERE aggregate_type = 'invoice'), 1::bigint, 'another aggregate type starts at 1');

SAVEPOINT before_failed_insert;
INSERT INTO domain_events (aggregate_type, aggregate_id, event_type) VALUES ('order', 'a', 'rolled back');
ROLLBACK TO SAVEPOINT before_failed_insert;
INSERT INTO domain_events (aggregate_type, aggregate_id, event_type) VALUES ('order', 'a', 'after rollback');
SELECT is(
  (SELECT sequence_number FROM domain_events WHERE event_type = 'after rollback'), 4::bigint,
  'a rolled-back insert leaves no gap'
);

SELECT throws_ok(
  $$ UPDATE domain_events SET aggregate_id = 'z' WHERE aggregate_id = 'b' $$,
  'P0001', NULL, 'domain_events_keep_identity: the aggregate cannot change'
);
SELECT throws_ok(
  $$ UPDATE domain_events SET sequence_number = 42 WHERE aggregate_id = 'b' $$,
  'P0001', NULL, 'domain_events_keep_identity: the sequence number cannot change'
);
SELECT lives_ok(
  $$ UPDATE domain_events SET status = 'published', published_at = now() WHERE aggregate_id = 'b' $$,
  'the delivery state can change'
);

SELECT * FROM finish();
ROLLBACK;
