import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/client/create-database.js';
import { DatabaseError } from '../../src/errors/classes.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { runMigrate } from './support/run-migrate.js';
import { serverSource } from './support/server.js';
import { startSilentServer } from './support/silent-server.js';

const SECRET = 'planted-secret';
const TIMEOUT_SECONDS = 2;
// Process start and tsx compilation of `pnpm db:migrate`, measured on the fastest failure (a refused connection).
let bootMs = 0;
// In process the timeout itself is measured; a spawned run only has to end (its start-up time varies on a busy machine).
const MARGIN_MS = 3_000;
const SPAWN_MARGIN_MS = 10_000;

let silent: Awaited<ReturnType<typeof startSilentServer>>;

const targets = () => [
  { what: 'a closed port', url: `postgres://u:${SECRET}@127.0.0.1:1/x`, host: '127.0.0.1:1', code: 'ECONNREFUSED' },
  { what: 'an unknown host', url: `postgres://u:${SECRET}@db.invalid:5432/x`, host: 'db.invalid', code: 'ENOTFOUND' },
  {
    what: 'a server that never answers',
    url: `postgres://u:${SECRET}@127.0.0.1:${silent.port}/x`,
    host: `127.0.0.1:${silent.port}`,
    code: 'CONNECT_TIMEOUT',
  },
];

beforeAll(async () => {
  serverSource();
  silent = await startSilentServer();
  bootMs = (await runMigrate({ DATABASE_URL: targets()[0]!.url, DIRECT_URL: targets()[0]!.url })).elapsedMs;
});

afterAll(async () => {
  await silent?.stop();
});

describe(`the database going away: 3 unreachable targets, DATABASE_CONNECT_TIMEOUT=${TIMEOUT_SECONDS}`, () => {
  it('3 × TenantInviteQueries.findById rejects with connection_failed naming the host, within the timeout + 3 s, no password', async () => {
    for (const target of targets()) {
      const handle = createDatabase({ url: target.url, connectTimeoutSeconds: TIMEOUT_SECONDS });
      const started = performance.now();
      try {
        const error = await runWithExecutor(handle.db, () =>
          TenantInviteQueries.findById('01890000-0000-7000-8000-000000000000', {
            tenantId: '01890000-0000-7000-8000-000000000001',
          }),
        ).catch((e: unknown) => e);
        const elapsedMs = performance.now() - started;
        console.log(`${target.what}: ${(error as Error).message} after ${elapsedMs.toFixed(0)} ms`);
        expect(error).toBeInstanceOf(DatabaseError);
        expect((error as DatabaseError).code).toBe('connection_failed');
        expect((error as DatabaseError).message).toBe(`Could not connect to ${target.host} (${target.code})`);
        expect(elapsedMs).toBeLessThan(TIMEOUT_SECONDS * 1000 + MARGIN_MS);
      } finally {
        await handle.close();
      }
    }
  });

  it('3 × `pnpm db:migrate` exits 1 with one line on stderr, no stack, no password, within start-up + the timeout + 10 s', async () => {
    for (const target of targets()) {
      const run = await runMigrate({
        DATABASE_URL: target.url,
        DIRECT_URL: target.url,
        DATABASE_CONNECT_TIMEOUT: String(TIMEOUT_SECONDS),
      });
      console.log(`${target.what}: exit ${run.exitCode} after ${run.elapsedMs.toFixed(0)} ms: ${run.stderr.trim()}`);
      expect(run.exitCode).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^✗ /);
      expect(lines[0]).toContain(target.code);
      expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
      expect(run.elapsedMs).toBeLessThan(bootMs + TIMEOUT_SECONDS * 1000 + SPAWN_MARGIN_MS);
    }
  });
});
