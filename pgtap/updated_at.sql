-- set_updated_at(): every table with updated_at keeps it on any UPDATE, including raw SQL.
BEGIN;
SELECT plan(5);

SELECT has_function('public', 'set_updated_at', ARRAY[]::text[], 'set_updated_at() exists');
SELECT has_trigger('user', 'user_set_updated_at', 'user has user_set_updated_at');
SELECT has_trigger('todos', 'todos_set_updated_at', 'todos has todos_set_updated_at');

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

SELECT * FROM finish();
ROLLBACK;
