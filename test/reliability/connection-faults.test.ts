import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';
import { isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import type { FaultsOutcome, Scenario } from './support/connection-faults.js';
import { serverSource } from './support/server.js';

let target: IsolatedDatabase;

beforeAll(async () => {
  serverSource();
  target = await isolatedDatabase();
});

afterAll(async () => {
  await target?.close();
});

async function runFaults(scenario: Scenario, runs: number, poolMax: number): Promise<FaultsOutcome> {
  const script = path.join(packageRoot, 'test', 'reliability', 'support', 'connection-faults.ts');
  const tsx = path.join(packageRoot, 'node_modules', '.bin', 'tsx');
  const args = [script, scenario, String(runs), String(poolMax), target.url, serverSource().serverUrl];
  const { stdout } = await promisify(execFile)(tsx, args, { cwd: packageRoot, timeout: 90_000 });
  const outcome = JSON.parse(stdout.trim().split('\n').at(-1)!) as FaultsOutcome;
  console.log(`${scenario}, pool of ${poolMax}: ${JSON.stringify(outcome)}`);
  return outcome;
}

const RUNS = 3;
const tenFulfilled = Array(10).fill('fulfilled');

// postgres.js 3.4.9 crashed the process from a timer on each of these faults, and its pool then failed the next query
// with the dead backend's error or a connect timeout (porsager/postgres#1208). patches/postgres@3.4.9.patch fixes it;
// each scenario runs in a child process, so a lost patch fails these tests instead of killing the runner.
describe('a connection that dies under an in-flight statement of a withTransaction (patched postgres.js)', () => {
  it.each([
    ['terminate-in-flight', 1, 'pg_terminate_backend, pool of 1 (the same connection reconnects)'],
    ['terminate-in-flight', 5, 'pg_terminate_backend, pool of 5'],
    ['terminate-in-savepoint', 5, 'pg_terminate_backend inside a nested withTransaction (savepoint)'],
    ['reset-in-flight', 5, 'a TCP reset (ECONNRESET) from a proxy, pool of 5'],
    ['reset-in-flight', 1, 'a TCP reset (ECONNRESET) from a proxy, pool of 1'],
  ] as const)(
    `${RUNS} runs of %s (pool %i: %s): connection_lost, 0 rows committed, 0 uncaught, next 10 queries succeed`,
    async (scenario, poolMax, _fault) => {
      const outcome = await runFaults(scenario, RUNS, poolMax);
      expect(outcome.uncaught).toEqual([]);
      expect(outcome.runs).toHaveLength(RUNS);
      for (const run of outcome.runs) {
        expect(run.callerError).toBe('connection_lost');
        expect(run.committedByDoomed).toBe(0);
        expect(run.next).toEqual(tenFulfilled);
      }
    },
  );
});

describe('a transaction whose session the server ended (idle_in_transaction_session_timeout), pool of 1', () => {
  it(`${RUNS} runs: its late statement is rejected, not run inside the next transaction on the reconnected connection`, async () => {
    const outcome = await runFaults('idle-timeout-reuse', RUNS, 1);
    expect(outcome.uncaught).toEqual([]);
    expect(outcome.runs).toHaveLength(RUNS);
    for (const run of outcome.runs) {
      expect(run.callerError).toBe('connection_lost');
      expect(run.lateStatement).toBe('rejected');
      expect(run.committedByDoomed).toBe(0);
      expect(run.committedByNext).toBe(1);
      expect(run.next).toEqual(tenFulfilled);
    }
  });
});
