import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';
import { postgresMigrationConnection } from '../../src/migrate/connection.js';
import { migrate } from '../../src/migrate/index.js';
import { catalogOf } from '../support/catalog.js';
import { killGroup, run, running } from '../support/child-run.js';
import { copyRepository } from '../support/repo-copy.js';

// End to end, in one throwaway copy of the repository: `pnpm db:remove` of one table (waitlist, which nothing else
// references), then of four domains in turn, each followed by what CI runs (the whole fast suite, docs examples
// included), the drop migration applied to a database that had the old schema and a fresh one migrated from empty;
// `auth` refused; then `pnpm db:baseline`, whose one migration must build the same catalog as the history.
// PostgreSQL 15 (127.0.0.1:5432, or REMOVE_E2E_URL), not PGlite: roles and grants are part of the comparison.

const SERVER = process.env.REMOVE_E2E_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const STEP_TIMEOUT = 900_000;
/** What is removed, in turn: one table first (`features waitlist`), then whole domains. */
const REMOVALS: { args: string[]; tables: string[] }[] = [
  { args: ['features', 'waitlist'], tables: ['waitlist'] },
  { args: ['features'], tables: ['todos', 'user_activity_daily'] },
  { args: ['admin'], tables: ['admin_roles', 'admin_users', 'admin_audit_log'] },
  {
    args: ['notifications'],
    tables: ['notifications', 'notification_targets', 'notification_deliveries', 'notification_preferences'],
  },
  { args: ['subscriptions'], tables: ['subscriptions', 'subscription_events'] },
];

const suffix = `${process.pid}_${Date.now().toString(36)}`;
const databases: string[] = [];
let copy: string;
let admin: postgres.Sql;

function urlOf(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createDatabase(label: string): Promise<string> {
  const name = `remove_e2e_${label}_${suffix}`;
  await admin.unsafe(`create database "${name}"`);
  databases.push(name);
  return urlOf(name);
}

/** Test files outside the removed domains' folders that must survive every removal. */
const GENERIC_TESTS = [
  'test/foundation/rls.test.ts',
  'test/foundation/statement-reuse.test.ts',
  'test/foundation/connection-errors.test.ts',
  'test/reliability/connection-loss.test.ts',
  'test/reliability/pgbouncer.test.ts',
  'test/reliability/pool-load.test.ts',
  'test/reliability/secrets.test.ts',
  'test/reliability/server-gone.test.ts',
  'test/reliability/unreachable-database.test.ts',
  'test/replicas/replica.test.ts',
  'test/replicas/routing.test.ts',
  'test/seed/seed.test.ts',
  'test/system/prune.test.ts',
  'test/docs/examples.test.ts',
  'test/remove/plan.test.ts',
  'test/scaffold/plan.test.ts',
];

/** Every test file of the copy, relative to it. */
function testFiles(): string[] {
  return fs
    .readdirSync(path.join(copy, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `test/${file.split(path.sep).join('/')}`)
    .sort();
}

const tsx = (...args: string[]) => run(copy, path.join(copy, 'node_modules/.bin/tsx'), args);
const node = (...args: string[]) => run(copy, process.execPath, args);

/** A hash of every file outside node_modules and .data: equal hashes, nothing written. */
function treeHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (['node_modules', '.data', '.git'].includes(entry.name)) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(`${path.relative(root, file)}\0`).update(fs.readFileSync(file));
    }
  };
  walk(root);
  return hash.digest('hex');
}

function expectOk(result: { code: number; output: string }): void {
  expect(result.code, result.output.slice(-4000)).toBe(0);
}

/** Grants and security facts catalogOf does not list: who may do what, RLS flags, enums, default privileges. */
const GRANT_QUERIES: Record<string, string> = {
  tableGrants: `select grantee || ' ' || privilege_type || ' ' || table_schema || '.' || table_name as line
      from information_schema.role_table_grants where grantee in ('anon', 'authenticated', 'service_role', 'PUBLIC')`,
  columnGrants: `select grantee || ' ' || privilege_type || ' ' || table_schema || '.' || table_name || '.' || column_name
      as line from information_schema.column_privileges where grantee in ('anon', 'authenticated', 'service_role')`,
  functionAcl: `select n.nspname || '.' || p.proname || ' ' || coalesce(array_to_string(p.proacl, ','), 'default') || ' '
      || coalesce(array_to_string(p.proconfig, ','), '') || ' ' || p.prosecdef as line
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('public', 'private')`,
  rls: `select c.relname || ' ' || c.relrowsecurity || ' ' || c.relforcerowsecurity as line from pg_class c
      join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'`,
  enums: `select t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) as line from pg_enum e
      join pg_type t on t.oid = e.enumtypid group by t.typname`,
  defaultAcl: `select coalesce(n.nspname, '*') || ' ' || d.defaclobjtype || ' ' || array_to_string(d.defaclacl, ',') as line
      from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace`,
  schemas: `select nspname || ' ' || coalesce(array_to_string(nspacl, ','), '') as line from pg_namespace
      where nspname in ('public', 'private')`,
  data: `select key as line from system_settings`,
};

async function fullCatalog(url: string): Promise<Record<string, string[]>> {
  const connection = postgresMigrationConnection(url);
  try {
    const catalog = await catalogOf(connection);
    for (const [kind, query] of Object.entries(GRANT_QUERIES)) {
      const rows = await connection.query<{ line: string }>(query).catch(() => []);
      // drizzle's bookkeeping differs by design (one row against many), and the owner's name by database.
      catalog[kind] = rows.map((row) => row.line.replace(/postgres=/g, 'owner=')).sort();
    }
    for (const kind of Object.keys(catalog))
      catalog[kind] = catalog[kind]!.filter((line) => !line.includes('drizzle.'));
    return catalog;
  } finally {
    await connection.close();
  }
}

async function serverReachable(): Promise<boolean> {
  const probe = postgres(SERVER, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe.unsafe('select 1');
    return true;
  } catch {
    console.warn(
      `SKIPPED: no PostgreSQL server at ${new URL(SERVER).host} for the db:remove/db:baseline end-to-end test`,
    );
    return false;
  } finally {
    await probe.end();
  }
}

describe.runIf(await serverReachable())('pnpm db:remove and pnpm db:baseline, end to end', () => {
  let oldSchema: string;

  beforeAll(async () => {
    admin = postgres(SERVER, { max: 1, onnotice: () => {} });
    copy = copyRepository(packageRoot);
    fs.rmSync(path.join(copy, '.data'), { recursive: true, force: true });
    oldSchema = await createDatabase('old');
    await migrate({ url: oldSchema, migrationsFolder: path.join(copy, 'drizzle'), log: () => {} });
  }, STEP_TIMEOUT);

  afterAll(async () => {
    for (const child of running) killGroup(child);
    for (const name of databases) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  it(
    'removing auth alone is refused, naming the domains that use it, and changes nothing',
    async () => {
      const before = treeHash(copy);
      const result = await tsx('scripts/remove.ts', 'auth');
      expect(result.code).toBe(1);
      expect(result.output).toContain('cannot remove domain `auth`');
      expect(result.output).toContain('src/schema/tables/tenant/tenant-member.ts uses user');
      expect(treeHash(copy)).toBe(before);
    },
    STEP_TIMEOUT,
  );

  for (const { args, tables: expectedTables } of REMOVALS) {
    const [domain, table] = args as [string, string | undefined];
    it(
      `removes ${args.join(' ')}: typecheck, lint, the whole test suite, db:check, check:structure, db:erd pass; old and fresh databases migrate`,
      async () => {
        const testsBefore = testFiles();
        const removed = await tsx('scripts/remove.ts', ...args);
        expectOk(removed);
        if (table) {
          expect(fs.existsSync(path.join(copy, 'src/schema/tables', domain))).toBe(true);
          expect(fs.existsSync(path.join(copy, 'src/seed', domain, `${table}.ts`))).toBe(false);
          expect(fs.readFileSync(path.join(copy, 'src/seed', `${domain}.ts`), 'utf8')).not.toContain(table);
        } else {
          expect(fs.existsSync(path.join(copy, 'src/schema/tables', domain))).toBe(false);
        }
        // The generic tests (RLS, reliability, replicas, statement reuse, prune, seed) run on domains no removal
        // takes: none of them may go with it.
        const gone = testsBefore.filter((file) => !fs.existsSync(path.join(copy, file)));
        console.log(
          `db:remove ${args.join(' ')}: ${testsBefore.length} test files before, ${testsBefore.length - gone.length} after`,
        );
        for (const generic of GENERIC_TESTS) expect(gone).not.toContain(generic);
        const drop = /created (drizzle\/\d+_remove_\w+\.sql)/.exec(removed.output)?.[1];
        expect(drop, removed.output).toBeDefined();
        expect(fs.readFileSync(path.join(copy, drop!), 'utf8')).toMatch(/DROP TABLE "\w+" CASCADE/);

        expectOk(await node('node_modules/typescript7/bin/tsc', '-p', 'tsconfig.json'));
        expectOk(await node('node_modules/eslint/bin/eslint.js', '.'));
        expectOk(await tsx('scripts/check-migrations.ts'));
        expectOk(await tsx('scripts/check-structure.ts'));
        const erdBefore = fs.readFileSync(path.join(copy, 'docs/schema.md'), 'utf8');
        expectOk(await tsx('scripts/erd.ts'));
        expect(fs.readFileSync(path.join(copy, 'docs/schema.md'), 'utf8')).toBe(erdBefore);
        // A removed domain loses its section; a removed table its entity (the domain's section stays).
        if (table) {
          expect(erdBefore).toContain(`## ${domain}`);
          expect(erdBefore).not.toMatch(new RegExp(`\\b${table}\\b`));
        } else {
          expect(erdBefore).not.toContain(`## ${domain}`);
        }
        // The whole fast suite, nothing excluded: the docs examples that needed what went were dropped with it.
        expectOk(await node('node_modules/vitest/vitest.mjs', 'run'));

        await migrate({ url: oldSchema, migrationsFolder: path.join(copy, 'drizzle'), log: () => {} });
        const fresh = await createDatabase(`fresh_${args.join('_')}`);
        await migrate({ url: fresh, migrationsFolder: path.join(copy, 'drizzle'), log: () => {} });
        const [oldCatalog, freshCatalog] = await Promise.all([fullCatalog(oldSchema), fullCatalog(fresh)]);
        expect(oldCatalog).toEqual(freshCatalog);
        const tables = /removed (?:domain|table) `\w+`(?: of domain `\w+`)?: (.*)/
          .exec(removed.output)![1]!
          .split(', ');
        expect(tables.length).toBeGreaterThan(0);
        expect(tables.sort()).toEqual([...expectedTables].sort());
        for (const table of tables) expect(freshCatalog.tables).not.toContain(`public.${table} BASE TABLE`);
      },
      STEP_TIMEOUT,
    );
  }

  it(
    'db:baseline refuses when the configured database has migrations applied, and writes nothing',
    async () => {
      const before = treeHash(copy);
      const result = await run(copy, path.join(copy, 'node_modules/.bin/tsx'), ['scripts/baseline.ts'], {
        DATABASE_URL: oldSchema,
      });
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/has \d+ migration\(s\) applied/);
      expect(treeHash(copy)).toBe(before);
    },
    STEP_TIMEOUT,
  );

  it(
    'db:baseline: one migration builds the same catalog as the long history',
    async () => {
      const history = fs.mkdtempSync(path.join(os.tmpdir(), 'history-'));
      fs.cpSync(path.join(copy, 'drizzle'), history, { recursive: true });
      expectOk(await tsx('scripts/baseline.ts'));
      const sqlFiles = fs.readdirSync(path.join(copy, 'drizzle')).filter((file) => file.endsWith('.sql'));
      expect(sqlFiles).toEqual(['0000_baseline.sql']);

      const fromHistory = await createDatabase('history');
      const fromBaseline = await createDatabase('baseline');
      await migrate({ url: fromHistory, migrationsFolder: history, log: () => {} });
      await migrate({ url: fromBaseline, migrationsFolder: path.join(copy, 'drizzle'), log: () => {} });
      const [a, b] = await Promise.all([fullCatalog(fromHistory), fullCatalog(fromBaseline)]);
      expect(a.tables!.length).toBeGreaterThan(10);
      expect(a.triggers!.length).toBeGreaterThan(5);
      expect(a.tableGrants!.length).toBeGreaterThan(10);
      expect(b).toEqual(a);
      expectOk(await tsx('scripts/check-migrations.ts'));
      fs.rmSync(history, { recursive: true, force: true });
    },
    STEP_TIMEOUT,
  );
});
