import type { MigrationConnection } from '../../src/migrate/connection.js';

// A database as a Supabase project presents it to `pnpm db:migrate`: the API roles, an `auth` schema with Supabase's
// claim helpers, PostgREST exposing `public`, and (until 2026 on hosted projects, still on self-hosted ones) default
// privileges that grant the API roles everything on whatever the migrating role creates in `public`.

export type DefaultPrivileges = 'legacy' | 'none';

const ROLES = `DO $$
DECLARE
  wanted text;
BEGIN
  FOREACH wanted IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = wanted) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT %s', wanted,
          CASE WHEN wanted = 'service_role' THEN 'BYPASSRLS' ELSE '' END);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
END $$`;

const AUTH_SCHEMA = [
  'create schema if not exists auth',
  `create or replace function auth.jwt() returns jsonb language sql stable set search_path = ''
    as $$ select nullif(current_setting('request.jwt.claims', true), '')::jsonb $$`,
  `create or replace function auth.uid() returns uuid language sql stable set search_path = ''
    as $$ select (auth.jwt() ->> 'sub')::uuid $$`,
  `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET pgrst.db_schemas = %L', current_database(), 'public'); END $$`,
  "select set_config('pgrst.db_schemas', 'public', false)",
  'grant usage on schema public to anon, authenticated, service_role',
];

const LEGACY_DEFAULT_PRIVILEGES = ['tables', 'sequences', 'functions'].map(
  (kind) => `alter default privileges in schema public grant all on ${kind} to anon, authenticated, service_role`,
);

export async function prepareSupabasePlatform(
  connection: MigrationConnection,
  defaults: DefaultPrivileges,
): Promise<void> {
  for (const statement of [ROLES, ...AUTH_SCHEMA, ...(defaults === 'legacy' ? LEGACY_DEFAULT_PRIVILEGES : [])]) {
    await connection.exec(statement);
  }
}
