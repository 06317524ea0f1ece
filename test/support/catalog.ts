import type { MigrationConnection } from '../../src/migrate/connection.js';

// What a schema is made of, as sorted lines: two databases built by different runners must print the same.
const CATALOG_QUERIES: Record<string, string> = {
  tables: `select table_schema || '.' || table_name || ' ' || table_type as line from information_schema.tables`,
  columns: `select table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
      || ' ' || coalesce(column_default, '') as line from information_schema.columns`,
  constraints: `select n.nspname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) as line
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace`,
  indexes: `select schemaname || '.' || indexname || ' ' || indexdef as line from pg_indexes`,
  triggers: `select n.nspname || '.' || t.tgname || ' ' || pg_get_triggerdef(t.oid) as line from pg_trigger t
      join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where not t.tgisinternal`,
  functions: `select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
      || md5(coalesce(p.prosrc, '')) as line from pg_proc p join pg_namespace n on n.oid = p.pronamespace`,
  policies: `select schemaname || '.' || tablename || '.' || policyname || ' ' || cmd || ' ' || array_to_string(roles, ',')
      || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '') as line from pg_policies`,
};

const SYSTEM = /^(pg_catalog|information_schema|pg_toast)\./;

export async function catalogOf(connection: MigrationConnection): Promise<Record<string, string[]>> {
  const catalog: Record<string, string[]> = {};
  for (const [kind, query] of Object.entries(CATALOG_QUERIES)) {
    const rows = await connection.query<{ line: string }>(query);
    catalog[kind] = rows
      .map((row) => row.line)
      .filter((line) => !SYSTEM.test(line))
      .sort();
  }
  return catalog;
}
