// What a client holding Supabase's anon key, or a signed-in user's token, can reach through the Data API (PostgREST
// exposes the schemas of `pgrst.db_schemas`, `public` by default), read from the catalog. The lints are our own,
// modelled on the security categories of Supabase's database linter: an empty result means that linter reports none
// of rls_disabled_in_public, policy_exists_rls_disabled, sensitive_columns_exposed, function_search_path_mutable and
// {anon,authenticated}_security_definer_function_executable on this database, and that anon reads no table without
// a policy written for it.

export type SecurityLintName =
  | 'rls_disabled_in_exposed_schema'
  | 'anon_selects_without_policy'
  | 'sensitive_columns_exposed'
  | 'function_search_path_mutable'
  | 'security_definer_function_executable';

/** Any session that runs a plain query: a migration connection, or an adapter over `db.execute`. */
export interface CatalogReader {
  query<T extends Record<string, unknown>>(text: string): Promise<T[]>;
}

export interface SecurityFinding {
  lint: SecurityLintName;
  /** `schema.table` or `schema.function(args)`. */
  object: string;
  detail: string;
}

/** Column names that hold secrets (matched as whole words of the name: `refresh_token`, `private_key`, `password`). */
export const SECRET_COLUMN_PATTERN = '(^|_)(password|passwd|secret|token|private_key|api_key|otp)(_|$)';

const CLIENT_ROLES = ['anon', 'authenticated'] as const;

// Schemas the linter skips: the platform's own, which a project's migrations do not create.
const PLATFORM_SCHEMAS = `array['pg_catalog', 'information_schema', 'pg_toast', 'auth', 'storage', 'realtime', 'graphql',
  'graphql_public', 'extensions', 'vault', 'pgsodium', 'pgsodium_masks', 'net', 'cron', 'pgbouncer', 'supabase_functions',
  'supabase_migrations', 'pgmq', 'pgtle', 'repack', 'tiger', 'topology']`;

const EXPOSED_SCHEMAS = `array(select trim(s) from unnest(string_to_array(
  coalesce(nullif(current_setting('pgrst.db_schemas', true), ''), 'public'), ',')) s)`;

/** Whether `role` may select the table, or any column of it (a column grant exposes those columns). */
const canSelect = (role: string) => `(has_table_privilege('${role}', c.oid, 'SELECT')
  or has_any_column_privilege('${role}', c.oid, 'SELECT'))`;

/** Whether a policy applies to `role` (by name, or to PUBLIC). */
const hasPolicyFor = (role: string) => `exists (select from pg_policy p where p.polrelid = c.oid
  and (p.polroles @> array[0::oid] or p.polroles @> array[(select oid from pg_roles where rolname = '${role}')]))`;

/** Rows `role` can read: RLS off, or a policy that applies to it (RLS with no such policy shows no row). */
const readsRows = (role: string) => `(not c.relrowsecurity or ${hasPolicyFor(role)})`;

const TABLES = 'pg_class c join pg_namespace n on n.oid = c.relnamespace';
const IN_EXPOSED_SCHEMA = `c.relkind in ('r', 'p') and n.nspname = any(${EXPOSED_SCHEMAS})`;
const FUNCTIONS = 'pg_proc p join pg_namespace n on n.oid = p.pronamespace';
const FUNCTION_NAME = `format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))`;

function lintQueries(roles: readonly string[]): { lint: SecurityLintName; sql: string }[] {
  const queries: { lint: SecurityLintName; sql: string }[] = [
    {
      lint: 'rls_disabled_in_exposed_schema',
      sql: `select format('%I.%I', n.nspname, c.relname) as object,
          case when exists (select from pg_policy p where p.polrelid = c.oid)
            then 'has policies but row-level security is off, so they do nothing'
            else 'row-level security is off: any role granted on it reads and writes every row' end as detail
        from ${TABLES} where ${IN_EXPOSED_SCHEMA} and not c.relrowsecurity`,
    },
    {
      lint: 'function_search_path_mutable',
      sql: `select ${FUNCTION_NAME} as object,
          'sets no search_path: a caller''s search_path decides which objects it resolves' as detail
        from ${FUNCTIONS}
        where n.nspname <> all(${PLATFORM_SCHEMAS}) and n.nspname not like 'pg\\_%'
          and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
          and not exists (select from unnest(coalesce(p.proconfig, '{}')) config where config like 'search\\_path=%')`,
    },
  ];
  for (const role of roles) {
    queries.push(
      {
        lint: 'sensitive_columns_exposed',
        sql: `select format('%I.%I', n.nspname, c.relname) as object,
            format('${role} can read secret column(s) %s', string_agg(a.attname, ', ' order by a.attnum)) as detail
          from ${TABLES} join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          where ${IN_EXPOSED_SCHEMA} and lower(a.attname) ~ '${SECRET_COLUMN_PATTERN}'
            and has_column_privilege('${role}', c.oid, a.attnum, 'SELECT') and ${readsRows(role)}
          group by n.nspname, c.relname`,
      },
      {
        lint: 'security_definer_function_executable',
        sql: `select ${FUNCTION_NAME} as object,
            '${role} may call this SECURITY DEFINER function, which runs as its owner' as detail
          from ${FUNCTIONS}
          where p.prosecdef and has_function_privilege('${role}', p.oid, 'EXECUTE')
            and ${role === 'anon' ? `n.nspname <> all(${PLATFORM_SCHEMAS})` : `n.nspname = any(${EXPOSED_SCHEMAS})`}`,
      },
    );
  }
  if (roles.includes('anon')) {
    queries.push({
      lint: 'anon_selects_without_policy',
      sql: `select format('%I.%I', n.nspname, c.relname) as object,
          'anon (the public API key) may select it and no policy is written for anon' as detail
        from ${TABLES} where ${IN_EXPOSED_SCHEMA} and ${canSelect('anon')} and not (c.relrowsecurity and ${hasPolicyFor('anon')})`,
    });
  }
  return queries;
}

/**
 * Every finding on the connected database; empty when it is safe to expose through the Data API. Roles that do not
 * exist (a plain PostgreSQL never migrated) are skipped.
 */
export async function lintDatabaseSecurity(connection: CatalogReader): Promise<SecurityFinding[]> {
  const existing = await connection.query<{ rolname: string }>(
    `select rolname from pg_roles where rolname in (${CLIENT_ROLES.map((role) => `'${role}'`).join(', ')})`,
  );
  const roles = CLIENT_ROLES.filter((role) => existing.some((row) => row.rolname === role));
  const findings: SecurityFinding[] = [];
  for (const { lint, sql } of lintQueries(roles)) {
    for (const row of await connection.query<{ object: string; detail: string }>(`${sql} order by 1`)) {
      findings.push({ lint, object: row.object, detail: row.detail });
    }
  }
  return findings;
}
