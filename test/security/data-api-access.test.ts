import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getTableName, is, sql, type SQL } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';
import { DatabaseError } from '../../src/errors/classes.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { readMigrationFiles } from '../../src/migrate/migration-files.js';
import { runMigrations } from '../../src/migrate/run-migrations.js';
import { lintDatabaseSecurity } from '../../src/migrate/security-lints.js';
import { withRls, type RlsClaims } from '../../src/scope/rls.js';
import * as schema from '../../src/schema/index.js';
import { seedDemoData } from '../../src/seed/index.js';
import { factories } from '../../src/testing/factories/index.js';
import { createBlankDatabase, type BlankDatabase } from '../support/blank-database.js';
import { prepareSupabasePlatform, type DefaultPrivileges } from '../support/supabase-platform.js';

// The Data API's view of a migrated, seeded database, set up the Supabase way: what the anon key, a member of tenant
// A and a signed-in user of no tenant can read and write in every table of `public`, each statement tried for real.
// The tables come from the catalog, so a table added later is covered: one with a policy must show the caller's
// tenant rows only, one without must refuse everything. The tables in docs/security.md's access table must also allow
// exactly the statements it lists.

type Statement = 'select' | 'insert' | 'update' | 'delete';
type Outcome = { ok: true; rows: number } | { ok: false; code: string };
const denied: Outcome = { ok: false, code: '42501' };

/** The "Who may do what" table of docs/security.md: per listed table, what `authenticated` may attempt. */
function documentedAccessTable(): Map<string, Set<Statement>> {
  const page = fs.readFileSync(path.join(packageRoot, 'docs', 'security.md'), 'utf8');
  const heading = page.indexOf('\n## Who may do what\n');
  expect(heading, 'docs/security.md has the "## Who may do what" section').toBeGreaterThan(-1);
  const lines = page.slice(heading).split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  const access = new Map<string, Set<Statement>>();
  for (const row of lines.slice(start + 2, end)) {
    const [tables = '', anon = '', authenticated = ''] = row.split('|').slice(1);
    expect(anon.trim(), row).toBe('nothing');
    const statements = new Set((authenticated.match(/\b(select|insert|update|delete)\b/g) ?? []) as Statement[]);
    for (const [, table] of tables.matchAll(/`([a-z_]+)`/g)) access.set(table!, statements);
  }
  expect(access.size).toBeGreaterThan(0);
  return access;
}

class Attempted {
  readonly rows: number;
  constructor(rows: number) {
    this.rows = rows;
  }
}

const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

async function attempt(database: BlankDatabase, claims: RlsClaims | null, statement: SQL): Promise<Outcome> {
  try {
    await runWithExecutor(database.db, () =>
      withRls(claims, async (tx) => {
        const rows = rowsOf<{ n?: number }>(await tx.execute(statement));
        throw new Attempted(rows[0]?.n ?? 0); // rolls the attempt back
      }),
    );
  } catch (error) {
    if (error instanceof Attempted) return { ok: true, rows: error.rows };
    if (error instanceof DatabaseError) {
      const cause = error.cause as { code?: string; cause?: { code?: string } } | undefined;
      return { ok: false, code: cause?.code ?? cause?.cause?.code ?? error.code };
    }
    throw error;
  }
  throw new Error('unreachable: every attempt throws');
}

interface TableFacts {
  name: string;
  /** The column the tenant policy tests (`id` for tenants), or null for a table without a policy. */
  tenantColumn: string | null;
  /** Rows with a null tenant belong to their user (tenantOrOwnRowsPolicy). */
  ownRows: boolean;
  /** A column `authenticated` may update, if any (else any column: the update must then be refused). */
  updateColumn: string;
}

async function tableFacts(database: BlankDatabase): Promise<TableFacts[]> {
  return database.connection.query<TableFacts & Record<string, unknown>>(`
    select c.relname as name,
      case when not exists (select from pg_policy p where p.polrelid = c.oid) then null
           when c.relname = 'tenants' then 'id' else 'tenant_id' end as "tenantColumn",
      exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attnotnull)
        and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'user_id') as "ownRows",
      coalesce(
        (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
           and has_column_privilege('authenticated', c.oid, a.attnum, 'UPDATE') order by a.attnum limit 1),
        (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = 1)) as "updateColumn"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' order by 1`);
}

/** Every statement a client can send against one table; inserts copy a row of the given tenant under a new id. */
function statements(table: TableFacts) {
  const t = sql.identifier(table.name);
  const column = sql.identifier(table.updateColumn);
  return {
    select: sql`select count(*)::int as n from ${t}`,
    update: sql`with changed as (update ${t} set ${column} = ${column} returning 1) select count(*)::int as n from changed`,
    delete: sql`with gone as (delete from ${t} returning 1) select count(*)::int as n from gone`,
    truncate: sql`truncate ${t}`,
  };
}

function insertCopy(table: TableFacts, rowJson: string | null): SQL {
  const t = sql.identifier(table.name);
  const row = JSON.parse(rowJson ?? '{}') as Record<string, unknown>;
  if (table.tenantColumn !== 'id') row.id = randomUUID();
  return sql`with added as (insert into ${t} select (jsonb_populate_record(null::${t}, ${JSON.stringify(row)}::jsonb)).* returning 1)
    select count(*)::int as n from added`;
}

/** The schema's tables (the template's 24, give or take what a team added or removed): the catalog has them all. */
const TEMPLATE_TABLES = Object.values(schema as Record<string, unknown>).filter((value) => is(value, PgTable)).length;

/**
 * Rows in tenants A and B for every tenant table the demo seed leaves empty (a table added with `pnpm db:new`),
 * made by the table's factory from `database/testing`, so each one has rows to hide.
 */
async function fillEmptyTenantTables(database: BlankDatabase, tenants: string[]): Promise<void> {
  for (const [key, table] of Object.entries(schema)) {
    if (!is(table, PgTable) || !('tenantId' in table)) continue;
    const [spread] = await database.connection.query<{ tenants: number }>(
      `select count(distinct tenant_id)::int as tenants from "${getTableName(table)}"`,
    );
    const factory = (factories as Record<string, { create(overrides: object): Promise<unknown> }>)[key];
    if (spread!.tenants >= 2 || !factory) continue;
    await runWithExecutor(database.db, async () => {
      for (const tenantId of tenants) await factory.create({ tenantId });
    });
  }
}

describe.each<DefaultPrivileges>(['legacy', 'none'])(
  'the Data API on a Supabase-style database (default privileges: %s)',
  (defaults) => {
    let database: BlankDatabase;
    let tenantA: string;
    let tenantB: string;
    let memberA: string;
    let beforeTheFix: Awaited<ReturnType<typeof lintDatabaseSecurity>>;

    beforeAll(async () => {
      database = await createBlankDatabase(inject('testDatabase'));
      await prepareSupabasePlatform(database.connection, defaults);
      const files = readMigrationFiles();
      const firstFix = files.findIndex((file) => file.name.endsWith('_private_claim_helper'));
      await runMigrations(database.connection, files.slice(0, firstFix), () => {});
      beforeTheFix = await lintDatabaseSecurity(database.connection);
      await runMigrations(database.connection, files, () => {});
      await runWithExecutor(database.db, () => seedDemoData({ log: () => {} }));
      const [a, b] = await database.connection.query<{ tenant: string; member: string }>(`
        select t.id as tenant, (select m.user_id from tenant_members m where m.tenant_id = t.id order by m.user_id limit 1)
          as member from tenants t order by t.slug limit 2`);
      tenantA = a!.tenant;
      memberA = a!.member;
      tenantB = b!.tenant;
      await fillEmptyTenantTables(database, [tenantA, tenantB]);
    }, 120_000);
    afterAll(() => database?.close());

    it('the schema before the fix (migrations 0000-0003) fails the security lints; after every migration, none', async () => {
      const lintsBefore = new Set(beforeTheFix.map((finding) => finding.lint));
      expect(lintsBefore).toContain('rls_disabled_in_exposed_schema');
      expect(lintsBefore).toContain('function_search_path_mutable');
      expect(lintsBefore).toContain('security_definer_function_executable');
      if (defaults === 'legacy') {
        expect(lintsBefore).toContain('anon_selects_without_policy');
        const exposed = beforeTheFix.filter((f) => f.lint === 'sensitive_columns_exposed').map((f) => f.object);
        expect(exposed).toEqual(expect.arrayContaining(['public.account', 'public.session', 'public.jwks']));
      }
      expect(await lintDatabaseSecurity(database.connection)).toEqual([]);
    });

    it('anon: every statement on every table is refused (permission denied, 0 rows)', async () => {
      const tables = await tableFacts(database);
      expect(tables.length).toBeGreaterThanOrEqual(TEMPLATE_TABLES);
      const wrong: string[] = [];
      for (const table of tables) {
        const tried = { ...statements(table), insert: insertCopy(table, null) };
        for (const [what, statement] of Object.entries(tried)) {
          const outcome = await attempt(database, null, statement);
          if (JSON.stringify(outcome) !== JSON.stringify(denied))
            wrong.push(`${table.name} ${what}: ${JSON.stringify(outcome)}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it("authenticated: tenant A's member reads and writes tenant A's rows only; a user of no tenant, none", async () => {
      const tables = await tableFacts(database);
      const documented = documentedAccessTable();
      const outsider = randomUUID();
      const wrong: string[] = [];
      const check = (label: string, outcome: Outcome, expected: Outcome | 'written') => {
        const fine =
          expected === 'written'
            ? outcome.ok
              ? outcome.rows === 1
              : outcome.code.startsWith('23') // a unique key of the copied row: privilege and policy passed
            : JSON.stringify(outcome) === JSON.stringify(expected);
        if (!fine) wrong.push(`${label}: got ${JSON.stringify(outcome)}, expected ${JSON.stringify(expected)}`);
      };

      for (const table of tables) {
        const t = sql.identifier(table.name);
        const s = statements(table);
        const asMember = (statement: SQL) => attempt(database, { sub: memberA, tenant_id: tenantA }, statement);
        const asOutsider = (statement: SQL) => attempt(database, { sub: outsider }, statement);

        if (table.tenantColumn === null) {
          for (const [what, statement] of Object.entries({ ...s, insert: insertCopy(table, null) })) {
            check(`${table.name} ${what} (member)`, await asMember(statement), denied);
            check(`${table.name} ${what} (no tenant)`, await asOutsider(statement), denied);
          }
          expect(
            documented.get(table.name) ?? new Set(),
            `docs/security.md lists ${table.name} as server-only`,
          ).toEqual(new Set());
          continue;
        }

        const column = sql.identifier(table.tenantColumn);
        const [counts] = rowsOf<{ visible: number; total: number; a: string; b: string }>(
          await database.db.execute(sql`
            select count(*) filter (where ${column} = ${tenantA}
                ${table.ownRows ? sql`or (${column} is null and user_id = ${memberA})` : sql``})::int as visible,
              count(*)::int as total,
              (select to_jsonb(r) from ${t} r where r.${column} = ${tenantA} limit 1)::text as a,
              (select to_jsonb(r) from ${t} r where r.${column} = ${tenantB} limit 1)::text as b
            from ${t}`),
        );
        // The seed gives every tenant table rows in each tenant: there is something to hide.
        expect(counts!.total, table.name).toBeGreaterThan(counts!.visible);
        const granted = documented.get(table.name) ?? (await grantedStatements(database, table.name));
        const may = (what: Statement, rows: number): Outcome => (granted.has(what) ? { ok: true, rows } : denied);

        check(`${table.name} select (member)`, await asMember(s.select), may('select', counts!.visible));
        check(`${table.name} update (member)`, await asMember(s.update), may('update', counts!.visible));
        check(`${table.name} delete (member)`, await asMember(s.delete), may('delete', counts!.visible));
        check(
          `${table.name} insert into A (member)`,
          await asMember(insertCopy(table, counts!.a)),
          granted.has('insert') ? 'written' : denied,
        );
        check(`${table.name} insert into B (member)`, await asMember(insertCopy(table, counts!.b)), denied);
        check(`${table.name} truncate (member)`, await asMember(s.truncate), denied);

        check(`${table.name} select (no tenant)`, await asOutsider(s.select), may('select', 0));
        check(`${table.name} update (no tenant)`, await asOutsider(s.update), may('update', 0));
        check(`${table.name} delete (no tenant)`, await asOutsider(s.delete), may('delete', 0));
        check(`${table.name} insert into A (no tenant)`, await asOutsider(insertCopy(table, counts!.a)), denied);
      }
      expect(wrong).toEqual([]);
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining([...documented.keys()]));
    });
  },
);

/** For a tenant table docs/security.md does not list (added later): what the catalog grants `authenticated`. */
async function grantedStatements(database: BlankDatabase, table: string): Promise<Set<Statement>> {
  const [row] = await database.connection.query<Record<Statement, boolean>>(
    `select has_table_privilege('authenticated', $1::regclass, 'SELECT') as select,
       has_table_privilege('authenticated', $1::regclass, 'INSERT') as insert,
       has_any_column_privilege('authenticated', $1::regclass, 'UPDATE') as update,
       has_table_privilege('authenticated', $1::regclass, 'DELETE') as delete`,
    [`public."${table}"`],
  );
  return new Set((Object.keys(row!) as Statement[]).filter((what) => row![what]));
}
