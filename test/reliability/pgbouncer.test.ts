import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseOptionsFromEnv } from '../../src/client/create-database.js';
import { packageRoot } from '../../src/config/database-url.js';
import { shouldPrepare, type PostgresHandle } from '../../src/client/postgres.js';
import { parseEnv } from '../../src/config/env.js';
import { runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { startPgBouncer, type PgBouncer } from './support/pgbouncer.js';
import { runMigrate } from './support/run-migrate.js';
import { serverSource } from './support/server.js';

/** The test folders of the domains' query objects (test/<domain>/), run whole through the pooler. */
// Every domain's query-object tests (what `pnpm db:remove` left: the folders of src/schema/tables with a test folder).
const QUERY_SUITES = fs
  .readdirSync(path.join(packageRoot, 'src/schema/tables'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(packageRoot, 'test', entry.name)))
  .map((entry) => entry.name)
  .sort();

let bouncer: PgBouncer;
let target: IsolatedDatabase;
let poolerUrl: string;

beforeAll(async () => {
  const server = new URL(serverSource().serverUrl);
  bouncer = await startPgBouncer({ host: server.hostname, port: Number(server.port || 5432) });
  target = await isolatedDatabase();
  poolerUrl = bouncer.url(new URL(target.url).pathname.slice(1));
});

afterAll(async () => {
  await target?.close();
  await bouncer?.stop();
});

async function queriesPassedOn(): Promise<number> {
  const served = await bouncer.queriesServed();
  return [...served].reduce((sum, [database, count]) => (database === 'pgbouncer' ? sum : sum + count), 0);
}

describe('through PgBouncer in transaction mode (pool_mode = transaction)', () => {
  it('the options the env module picks for `?pgbouncer=true` turn statement preparation off', () => {
    const options = databaseOptionsFromEnv(parseEnv({ DATABASE_URL: poolerUrl }));
    expect(options.url).toMatchObject({ kind: 'postgres', url: poolerUrl, pooler: true });
    expect(shouldPrepare({ pooler: true }, options.prepare)).toBe(false);
  });

  it('12 query-object operations succeed: invite create/list/update/revoke, nested savepoint, createWithOwner, invite accept, 20 concurrent reads', async () => {
    const pooled = createDatabase(databaseOptionsFromEnv(parseEnv({ DATABASE_URL: poolerUrl }))) as PostgresHandle;
    expect(pooled.client.options.prepare).toBe(false);
    try {
      await runWithExecutor(pooled.db, async () => {
        const owner = await factories.user.create();
        const { tenant, owner: membership } = await TenantQueries.createWithOwner(
          { name: 'Pooled', slug: `pooled-${randomUUID().slice(0, 8)}` },
          owner.id,
        );
        expect(membership).toMatchObject({ tenantId: tenant.id, userId: owner.id, role: 'owner' });
        const scope = { tenantId: tenant.id };

        // On tenant_invites (tenant domain, which `pnpm db:remove` cannot take), so this holds after any removal.
        const invite = (email: string) =>
          TenantInviteQueries.create({ email, role: 'member', invitedByUserId: owner.id }, scope);
        const pendingEmails = async () =>
          (await TenantInviteQueries.listPending({}, scope)).items.map((pending) => pending.email).sort();
        const first = (await invite('through-the-pooler@example.com')).invite;
        expect((await TenantInviteQueries.update(first.id, { role: 'admin' }, scope)).role).toBe('admin');
        expect((await TenantInviteQueries.listPending({}, scope)).items.map((i) => i.id)).toEqual([first.id]);
        const reads = await Promise.all(
          Array.from({ length: 20 }, () => TenantInviteQueries.findById(first.id, scope)),
        );
        expect(reads.map((i) => i?.id)).toEqual(Array(20).fill(first.id));

        await withTransaction(async () => {
          await invite('outer@example.com');
          await withTransaction(async () => {
            await invite('inner@example.com');
            throw new Error('inner rolls back to its savepoint');
          }).catch(() => {});
        });
        expect(await pendingEmails()).toEqual(['outer@example.com', 'through-the-pooler@example.com']);

        expect((await TenantInviteQueries.revoke(first.id, scope)).status).toBe('revoked');
        expect(await pendingEmails()).toEqual(['outer@example.com']);

        const invitee = await factories.user.create();
        const { invite: sent, token } = await TenantInviteQueries.create(
          { email: invitee.email, role: 'member', invitedByUserId: owner.id },
          scope,
        );
        const accepted = await TenantInviteQueries.accept(token, invitee.id);
        expect(accepted.invite).toMatchObject({ id: sent.id, status: 'accepted' });
        expect(accepted.member).toMatchObject({ tenantId: tenant.id, userId: invitee.id, role: 'member' });
      });
    } finally {
      await pooled.close();
    }
  });

  it(`the query-object test suites (${QUERY_SUITES.length} domains) pass with every query through the pooler`, async () => {
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pooled-suite-')), 'report.json');
    // The child is a vitest run of its own: none of this run's worker variables, the server and the pooler as set.
    const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'));
    const env = {
      ...Object.fromEntries(inherited),
      TEST_DATABASE_URL: serverSource().serverUrl,
      TEST_DATABASE_POOLER_URL: bouncer.url('postgres'),
    };
    const queriesBefore = await queriesPassedOn();
    const vitest = path.join(packageRoot, 'node_modules', '.bin', 'vitest');
    const args = [
      'run',
      ...QUERY_SUITES.map((domain) => `test/${domain}/`),
      '--reporter=json',
      `--outputFile=${report}`,
    ];
    const failed = await new Promise<string | null>((resolve) =>
      execFile(vitest, args, { cwd: packageRoot, env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, _o, e) =>
        resolve(error ? e.slice(-4000) : null),
      ),
    );
    const result = JSON.parse(fs.readFileSync(report, 'utf8')) as {
      numTotalTests: number;
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
    };
    fs.rmSync(path.dirname(report), { recursive: true, force: true });
    console.log(
      `through PgBouncer: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ` +
        `${result.numPendingTests} skipped of ${result.numTotalTests} (${QUERY_SUITES.join(', ')})`,
    );
    const passedOn = (await queriesPassedOn()) - queriesBefore;
    console.log(`PgBouncer passed on ${passedOn} queries during the child run`);
    expect(failed, failed ?? '').toBeNull();
    expect(passedOn).toBeGreaterThan(result.numPassedTests);
    expect(result.numFailedTests).toBe(0);
    expect(result.numPassedTests).toBeGreaterThan(200);
    expect(result.numPassedTests + result.numPendingTests).toBe(result.numTotalTests);
  });

  it('`pnpm db:migrate` with DATABASE_URL/DIRECT_URL = the pooler URL is refused: exit 1, the explanation on stderr', async () => {
    const run = await runMigrate({ DATABASE_URL: poolerUrl, DIRECT_URL: poolerUrl });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('Refusing to migrate through a transaction pooler');
    expect(run.stderr).toContain('Set DIRECT_URL to the direct or session-mode URL');
    expect(run.stdout).not.toContain('Applied');
  });
});
