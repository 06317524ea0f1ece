import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { lintDatabaseSecurity, type SecurityFinding } from '../../src/migrate/security-lints.js';

// Each lint, shown to fire on the defect it names (created inside the test's rolled-back transaction) and to stay
// quiet on the safe variant next to it. The migrated schema itself is linted in test/foundation/rls-coverage.test.ts.

async function rows<T>(text: string): Promise<T[]> {
  const result: unknown = await db.execute(sql.raw(text));
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const catalog = { query: rows };
const found = async (object: string) =>
  (await lintDatabaseSecurity(catalog))
    .filter((finding) => finding.object.startsWith(object))
    .map(({ lint, detail }: SecurityFinding) => `${lint}: ${detail}`)
    .sort();

describe('lintDatabaseSecurity', () => {
  it('a table without RLS that the client roles may select: RLS off, anon reads it, its secrets are exposed', async () => {
    await rows('create table public.lint_open (id int, refresh_token text, note text)');
    await rows('grant select on public.lint_open to anon, authenticated');
    expect(await found('public.lint_open')).toEqual([
      'anon_selects_without_policy: anon (the public API key) may select it and no policy is written for anon',
      'rls_disabled_in_exposed_schema: row-level security is off: any role granted on it reads and writes every row',
      'sensitive_columns_exposed: anon can read secret column(s) refresh_token',
      'sensitive_columns_exposed: authenticated can read secret column(s) refresh_token',
    ]);
  });

  it('a policy that lets authenticated read rows exposes a secret column unless a column grant leaves it out', async () => {
    await rows('create table public.lint_walled (id int, api_key text, apikeys_count int)');
    await rows('alter table public.lint_walled enable row level security');
    await rows('create policy lint_walled_rows on public.lint_walled to authenticated using (true)');
    await rows('grant select on public.lint_walled to authenticated');
    expect(await found('public.lint_walled')).toEqual([
      'sensitive_columns_exposed: authenticated can read secret column(s) api_key',
    ]);
    await rows('revoke select on public.lint_walled from authenticated');
    await rows('grant select (id, apikeys_count) on public.lint_walled to authenticated');
    expect(await found('public.lint_walled')).toEqual([]);
  });

  it('RLS on with no policy and no grant is quiet; a policy on a table with RLS off is reported', async () => {
    await rows('create table public.lint_server_only (id int, password text)');
    await rows('alter table public.lint_server_only enable row level security');
    expect(await found('public.lint_server_only')).toEqual([]);
    await rows('create table public.lint_policy_off (id int)');
    await rows('create policy lint_policy_off_rows on public.lint_policy_off to authenticated using (true)');
    expect(await found('public.lint_policy_off')).toEqual([
      'rls_disabled_in_exposed_schema: has policies but row-level security is off, so they do nothing',
    ]);
  });

  it('functions: a mutable search_path, and SECURITY DEFINER callable by the client roles', async () => {
    await rows("create function public.lint_definer() returns int language sql security definer as 'select 1'");
    expect(await found('public.lint_definer')).toEqual([
      "function_search_path_mutable: sets no search_path: a caller's search_path decides which objects it resolves",
      'security_definer_function_executable: anon may call this SECURITY DEFINER function, which runs as its owner',
      'security_definer_function_executable: authenticated may call this SECURITY DEFINER function, which runs as its owner',
    ]);
    await rows("alter function public.lint_definer() set search_path = ''");
    await rows('revoke all on function public.lint_definer() from public');
    expect(await found('public.lint_definer')).toEqual([]);
    // Outside the exposed schemas only anon counts: authenticated cannot reach it through the Data API.
    await rows('create schema lint_private');
    await rows(
      "create function lint_private.lint_helper() returns int language sql security definer set search_path = '' as 'select 1'",
    );
    await rows('revoke all on function lint_private.lint_helper() from public');
    await rows('grant execute on function lint_private.lint_helper() to authenticated');
    expect(await found('lint_private.lint_helper')).toEqual([]);
  });
});
