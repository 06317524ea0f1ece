import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkStructure } from '../../scripts/structure/rules.js';
import { listFiles } from '../../scripts/structure/source-files.js';
import { packageRoot } from '../../src/config/database-url.js';
import { lintDatabaseSecurity } from '../../src/migrate/security-lints.js';
import { killGroup, run, running, type Run } from '../support/child-run.js';
import { copyRepository } from '../support/repo-copy.js';

// End to end, in a throwaway copy of the repository: `pnpm db:new billing invoices`, then everything CI would run on
// the result. Slow (a type check, eslint, migrations, a nested vitest run), so it runs once per CI: on the PGlite pass.

const SCAFFOLD_TIMEOUT = 300_000;
const NEW_FILES = [
  'src/schema/tables/billing/invoice.ts',
  'src/schema/tables/billing/relations.ts',
  'src/schema/tables/billing/index.ts',
  'src/dto/billing/invoice.ts',
  'src/dto/billing/index.ts',
  'src/queries/billing/invoice.ts',
  'src/queries/billing/index.ts',
  'src/testing/factories/billing/invoice.ts',
  'test/billing/invoice.test.ts',
];
const EDITED_FILES = [
  'src/schema/tables/index.ts',
  'src/schema/tables/tenant/relations.ts',
  'src/dto/index.ts',
  'src/index.ts',
  'src/schema/index.ts',
  'src/testing/factories/index.ts',
  'docs/schema.md',
];

/** A hash of every file outside node_modules and .data: equal hashes, nothing written. */
function treeHash(root: string): string {
  const hash = createHash('sha256');
  const files = listFiles(root, '').filter(
    (file) => !/[/\\](node_modules|\.data)[/\\]/.test(`/${path.relative(root, file)}`),
  );
  for (const file of files) hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  return hash.digest('hex');
}

const source = inject('testDatabase');

describe.skipIf(source.kind !== 'pglite')('pnpm db:new billing invoices, in a copy of the repository', () => {
  let copy: string;
  const results: Record<string, Run> = {};
  let migrationFiles: string[] = [];
  let migrationsBeforeCount = 0;
  let treeAfterScaffold = '';
  let treeAfterRerun = '';

  beforeAll(async () => {
    copy = copyRepository(packageRoot);
    const tsx = path.join(copy, 'node_modules', '.bin', 'tsx');
    const migrationsBefore = new Set(fs.readdirSync(path.join(copy, 'drizzle')));
    migrationsBeforeCount = [...migrationsBefore].filter((file) => file.endsWith('.sql')).length;
    results.scaffold = await run(copy, tsx, ['scripts/new-table.ts', 'billing', 'invoices']);
    migrationFiles = fs.readdirSync(path.join(copy, 'drizzle')).filter((file) => !migrationsBefore.has(file));
    if (results.scaffold.code !== 0) return;
    results.serverOnly = await run(copy, tsx, ['scripts/new-table.ts', 'billing', 'api_keys', '--server-only']);
    treeAfterScaffold = treeHash(copy);
    if (results.serverOnly.code !== 0) return;

    const dataDir = path.join(copy, '.data', 'migrated');
    const [typecheck, lint, format, dbCheck, migrate, tests, security, rerun] = await Promise.all([
      run(copy, process.execPath, ['node_modules/typescript7/bin/tsc', '-p', 'tsconfig.json']),
      run(copy, path.join(copy, 'node_modules', '.bin', 'eslint'), [...NEW_FILES, ...EDITED_FILES.slice(0, -1)]),
      run(copy, path.join(copy, 'node_modules', '.bin', 'prettier'), ['--check', ...NEW_FILES, ...EDITED_FILES]),
      run(copy, tsx, ['scripts/check-migrations.ts']),
      run(copy, tsx, ['scripts/migrate.ts'], { DATABASE_URL: `pglite://${dataDir}` }),
      run(copy, path.join(copy, 'node_modules', '.bin', 'vitest'), ['run', 'test/billing/invoice.test.ts']),
      run(copy, path.join(copy, 'node_modules', '.bin', 'vitest'), [
        'run',
        'test/security',
        'test/foundation/rls-coverage.test.ts',
      ]),
      run(copy, tsx, ['scripts/new-table.ts', 'billing', 'invoices']),
    ]);
    Object.assign(results, { typecheck, lint, format, dbCheck, migrate, tests, security, rerun });
    treeAfterRerun = treeHash(copy);
  }, SCAFFOLD_TIMEOUT);

  afterAll(() => {
    for (const child of running) killGroup(child); // a timed-out beforeAll leaves them running
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  it(`creates ${NEW_FILES.length} files, edits ${EDITED_FILES.length}, and writes 2 migrations`, () => {
    expect(results.scaffold!.output).toContain('✓ table `invoices` in domain `billing`');
    expect(results.scaffold!.code).toBe(0);
    for (const file of NEW_FILES) expect(results.scaffold!.output).toContain(`created ${file}`);
    for (const file of EDITED_FILES.slice(0, -1)) expect(results.scaffold!.output).toContain(`edited  ${file}`);
    const sql = migrationFiles.filter((file) => file.endsWith('.sql')).sort();
    const next = migrationsBeforeCount; // drizzle/ held migrations 0000 .. next-1 before the run
    const tag = (index: number) => String(index).padStart(4, '0');
    expect(sql).toEqual([`${tag(next)}_invoices.sql`, `${tag(next + 1)}_invoices_rules.sql`]);
    const read = (file: string) => fs.readFileSync(path.join(copy, 'drizzle', file), 'utf8');
    expect(read(sql[0]!)).toContain('CREATE TABLE "invoices"');
    expect(read(sql[1]!)).toContain(
      'CREATE TRIGGER invoices_set_updated_at BEFORE UPDATE ON "invoices" FOR EACH ROW EXECUTE FUNCTION set_updated_at();',
    );
  });

  it('the copy type-checks (tsc 7, whole project: 0 errors)', () => {
    expect(results.typecheck!.output).toBe('');
    expect(results.typecheck!.code).toBe(0);
  });

  it(`eslint finds 0 problems and prettier 0 unformatted files in the ${NEW_FILES.length + EDITED_FILES.length} files`, () => {
    expect(results.lint!.output).toBe('');
    expect(results.lint!.code).toBe(0);
    expect(results.format!.output).toContain('All matched files use Prettier code style!');
    expect(results.format!.code).toBe(0);
  });

  it('check:structure reports no violation the original repository does not have', () => {
    const key = (v: { rule: string; file: string; message: string }) => `${v.rule} ${v.file} ${v.message}`;
    const before = checkStructure(packageRoot).map(key);
    const after = checkStructure(copy).map(key);
    expect(after.filter((violation) => !before.includes(violation))).toEqual([]);
  });

  it('db:check passes: `pnpm generate` would add nothing, and docs/schema.md is current', () => {
    expect(results.dbCheck!.output).toContain('✓ drizzle/ matches the schema');
    expect(results.dbCheck!.output).toContain('✓ docs/schema.md matches the schema.');
    expect(results.dbCheck!.code).toBe(0);
    expect(fs.readFileSync(path.join(copy, 'docs/schema.md'), 'utf8')).toContain(
      'tenants ||--o{ invoices : "tenant_id"',
    );
  });

  it('db:migrate applies both migrations: the table and its trigger exist', async () => {
    expect(results.migrate!.output).toMatch(/✓ \d{4}_invoices \([\s\S]*✓ \d{4}_invoices_rules \(/);
    expect(results.migrate!.output).toMatch(/✓ \d{4}_api_keys \([\s\S]*✓ \d{4}_api_keys_rules \(/);
    expect(results.migrate!.code).toBe(0);
    const client = new PGlite(path.join(copy, '.data', 'migrated'));
    try {
      const { rows } = await client.query<{ table: string | null; triggers: number }>(
        `select to_regclass('public.invoices')::text as table,
                (select count(*)::int from pg_trigger where tgname = 'invoices_set_updated_at') as triggers`,
      );
      expect(rows).toEqual([{ table: 'invoices', triggers: 1 }]);
    } finally {
      await client.close();
    }
  });

  it('RLS in the migrated copy: invoices has its policy and member grants, api_keys (--server-only) none; 0 lints', async () => {
    expect(results.serverOnly!.output).toContain('✓ table `api_keys` in domain `billing`');
    const client = new PGlite(path.join(copy, '.data', 'migrated'));
    try {
      const { rows } = await client.query<Record<string, unknown>>(
        `select c.relname as table, c.relrowsecurity as rls,
           (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
           has_table_privilege('authenticated', c.oid, 'SELECT, INSERT, UPDATE, DELETE') as member,
           has_table_privilege('anon', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE') as anon
         from pg_class c where c.relname in ('invoices', 'api_keys') order by 1`,
      );
      expect(rows).toEqual([
        { table: 'api_keys', rls: true, policies: 0, member: false, anon: false },
        { table: 'invoices', rls: true, policies: 1, member: true, anon: false },
      ]);
      const catalog = { query: async <T>(text: string) => (await client.query<T>(text)).rows };
      expect(await lintDatabaseSecurity(catalog)).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it("the copy's Data API access test (every statement as anon and as members, on every table) passes", () => {
    expect(results.security!.output).toMatch(/Tests\s+\d+ passed/);
    expect(results.security!.code).toBe(0);
  });

  it('the generated test file passes: 10 tests', () => {
    expect(results.tests!.output).toMatch(/Tests\s+10 passed \(10\)/);
    expect(results.tests!.code).toBe(0);
  });

  it('a second run exits 1 naming the existing table, and writes nothing', () => {
    expect(results.rerun!.code).toBe(1);
    expect(results.rerun!.output).toContain(
      '✗ table `invoices` already exists (src/schema/tables/billing/invoice.ts): nothing to do, nothing written',
    );
    expect(treeAfterRerun).toBe(treeAfterScaffold);
  });
});
