import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/client/create-database.js';
import { packageRoot } from '../../src/config/database-url.js';
import { parseEnv } from '../../src/config/env.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantQueries } from '../../src/queries/tenant/tenant.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { runMigrate } from './support/run-migrate.js';
import { serverSource } from './support/server.js';

const SECRET = `planted-secret-${randomUUID().slice(0, 8)}`;
const PARAM = `planted-param-${randomUUID().slice(0, 8)}`;

let target: IsolatedDatabase;
let secretUrl: string;

beforeAll(async () => {
  serverSource();
  target = await isolatedDatabase();
  const url = new URL(target.url);
  // The test server trusts loopback connections, so a password in the URL is never asked for: it only has to leak.
  url.password = SECRET;
  secretUrl = url.toString();
});

afterAll(async () => {
  await target?.close();
});

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const messageOf = (error: unknown) => `${String(error)} ${(error as Error).message}`;

describe('secrets never reach the output: a planted password and a planted parameter value', () => {
  it('query log, 5 error messages and 3 `pnpm db:migrate` runs contain 0 occurrences of either', async () => {
    const output: string[] = [];
    const handle = createDatabase({ url: secretUrl, logQueries: true, log: (line) => output.push(line) });
    output.push(handle.description);
    try {
      await runWithExecutor(handle.db, async () => {
        const userId = (await factories.user.create()).id;
        const { tenant } = await TenantQueries.createWithOwner({ name: PARAM, slug: `s-${PARAM}` }, userId);
        const scope = { tenantId: tenant.id };
        const { invite } = await TenantInviteQueries.create(
          { email: `${PARAM}@example.com`, role: 'member', invitedByUserId: userId },
          scope,
        );
        await TenantQueries.update(tenant.id, { name: `${PARAM} 2` });
        await TenantInviteQueries.findById(invite.id, scope);
        await TenantInviteQueries.listPending({}, scope);

        const failures = await Promise.all([
          // unique violation on a planted value
          TenantQueries.createWithOwner({ name: PARAM, slug: `s-${PARAM}` }, userId).catch((e: unknown) => e),
          // foreign key violation next to a planted value
          TenantInviteQueries.create(
            { email: `fk-${PARAM}@example.com`, role: 'member', invitedByUserId: randomUUID() },
            scope,
          ).catch((e: unknown) => e),
          // invalid input that is the planted value
          TenantInviteQueries.create({ email: PARAM, role: 'member', invitedByUserId: PARAM }, scope).catch(
            (e: unknown) => e,
          ),
        ]);
        output.push(...failures.map(messageOf));
      });
    } finally {
      await handle.close();
    }

    const unreachable = createDatabase({
      url: `postgres://u:${SECRET}@127.0.0.1:1/x`,
      logQueries: true,
      log: (l) => output.push(l),
    });
    output.push(
      messageOf(
        await runWithExecutor(unreachable.db, () =>
          TenantInviteQueries.listPending({}, { tenantId: randomUUID() }),
        ).catch((e: unknown) => e),
      ),
      unreachable.description,
    );
    await unreachable.close();
    output.push(
      messageOf(
        await Promise.resolve()
          .then(() => parseEnv({ DATABASE_POOL_MAX: SECRET, DATABASE_URL: secretUrl }))
          .catch((e: unknown) => e),
      ),
    );

    for (const url of [secretUrl, `postgres://u:${SECRET}@127.0.0.1:1/x`, `${secretUrl}?pgbouncer=true`]) {
      const run = await runMigrate({ DATABASE_URL: url, DIRECT_URL: url, DATABASE_CONNECT_TIMEOUT: '2' });
      output.push(run.stdout, run.stderr);
    }

    const all = output.join('\n');
    expect(all).toContain('Already up to date');
    expect(all).toContain(':***@');
    const logLines = output.filter((line) => line.startsWith('[db] '));
    console.log(`${logLines.length} query-log lines, ${all.length} characters of output checked`);
    expect(logLines.length).toBeGreaterThanOrEqual(8);
    expect(logLines.some((line) => line.includes('insert into "tenant_invites"') && line.includes('(redacted)'))).toBe(
      true,
    );
    expect(all).toContain('Conflict');
    expect(all).toContain('Refusing to migrate through a transaction pooler');
    expect({ password: occurrences(all, SECRET), parameter: occurrences(all, PARAM) }).toEqual({
      password: 0,
      parameter: 0,
    });
  });

  it('control: the same capture does see the planted value when DATABASE_LOG_PARAMS=true asks for it (1 line)', async () => {
    const output: string[] = [];
    const handle = createDatabase({ url: secretUrl, logQueries: true, logParams: true, log: (l) => output.push(l) });
    try {
      await handle.db.execute(sql`select ${PARAM}::text as planted`);
    } finally {
      await handle.close();
    }
    expect(occurrences(output.join('\n'), PARAM)).toBe(1);
  });

  it('.env is git-ignored and .env.example holds no password in any of its URLs', () => {
    expect(() => execFileSync('git', ['check-ignore', '-q', '.env'], { cwd: packageRoot })).not.toThrow();
    const example = fs.readFileSync(path.join(packageRoot, '.env.example'), 'utf8');
    const urls = example.match(/\b(?:postgres|postgresql):\/\/\S+/g) ?? [];
    expect(urls.length).toBeGreaterThanOrEqual(3);
    expect(urls.filter((url) => /^[a-z]+:\/\/[^/@\s]*:[^/@\s]+@/.test(url))).toEqual([]);
  });
});
