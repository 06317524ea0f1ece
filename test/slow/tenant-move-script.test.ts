import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';
import { run } from '../support/child-run.js';
import { migrationFixture, type MigrationFixture } from '../support/tenant-migration.js';

// `pnpm db:tenant:move` end to end, as an operator runs it: a committed control database, a target a few
// migrations behind (the move migrates and prepares it), the URL never printed.

let fixture: MigrationFixture;
const tsx = path.join(packageRoot, 'node_modules/.bin/tsx');
const TENANT = '0190a4c8-0000-7000-8000-0000000000f1';
const USER = '0190a4c8-0000-7000-8000-0000000000f2';

beforeAll(async () => {
  fixture = await migrationFixture(inject('testDatabase'));
  await fixture.exec(
    fixture.controlUrl,
    `insert into "user" (id, name, email) values ('${USER}', 'Ada', 'ada-move@example.com');
     insert into tenants (id, name, slug) values ('${TENANT}', 'Moving Inc', 'moving-inc');
     insert into todos (tenant_id, user_id, title) select '${TENANT}', '${USER}', 'todo ' || n from generate_series(1, 3) n;`,
  );
});
afterAll(async () => {
  await fixture.close();
});

const count = async (url: string, table: string) =>
  Number(
    (
      await fixture.query<{ n: string | number }>(
        url,
        `select count(*) as n from ${table} where tenant_id = '${TENANT}'`,
      )
    )[0]!.n,
  );

const move = (target: string) =>
  run(packageRoot, tsx, ['scripts/tenant-move.ts', TENANT, target], {
    DATABASE_URL: fixture.controlUrl,
    DATABASE_ENCRYPTION_KEY: fixture.keyRingText,
  });

describe('pnpm db:tenant:move', () => {
  it('moves a tenant to its own database and back, printing the pause and never the URL', async () => {
    const target = await fixture.olderDatabase('pglite');
    const there = await move(target);
    expect(there.output).toMatch(
      /✓ tenant .* moved from shared to db-[0-9a-f]{12}: tenant_activity 0, todos 3; writes paused \d+ ms/,
    );
    expect(there.output).not.toContain(target.slice('pglite://'.length));
    expect(there.code).toBe(0);
    expect(await count(target, 'todos')).toBe(3);
    expect(await count(fixture.controlUrl, 'todos')).toBe(0);
    expect(await count(fixture.controlUrl, 'tenant_databases')).toBe(1);

    const back = await move('shared');
    expect(back.code, back.output).toBe(0);
    expect(back.output).toContain('to the shared database');
    expect(await count(fixture.controlUrl, 'todos')).toBe(3);
    expect(await count(target, 'todos')).toBe(0);
    expect(await count(fixture.controlUrl, 'tenant_databases')).toBe(0);
  }, 120_000);

  it('bad arguments: one line, exit 1, nothing moved', async () => {
    const result = await run(packageRoot, tsx, ['scripts/tenant-move.ts', TENANT], {
      DATABASE_URL: fixture.controlUrl,
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('usage: pnpm db:tenant:move');
    const wrong = await move('not-a-url://x:secret@y');
    expect(wrong.code).toBe(1);
    expect(wrong.output).not.toContain('secret');
    expect(await count(fixture.controlUrl, 'todos')).toBe(3);
  }, 60_000);
});
