import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.ts';
import { isolatedDatabase } from '../../src/testing/index.ts';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.ts';
import { serverSource } from './support/server.ts';

let target: IsolatedDatabase;

beforeAll(async () => {
  serverSource();
  target = await isolatedDatabase();
});

afterAll(async () => {
  await target?.close();
});

interface Outcome {
  txErrorCode: string | null;
  next: string[];
  uncaught: string[];
}

// postgres.js 3.4.9 (porsager/postgres#1208, fixes proposed in #1209 and #1215, unmerged): when the backend of a
// transaction dies under an in-flight statement, the driver's own ROLLBACK is written to the closed socket from a
// timer, and the TypeError escapes every await. This pins the defect: when an upgrade fixes it, this test fails, and
// the guarantee in the README (Guarantees) can be widened.
describe('known driver defect: a backend killed under an in-flight statement of a withTransaction', () => {
  it('1 kill: the caller still gets connection_lost, and 1 uncaught TypeError escapes from postgres.js', async () => {
    const source = serverSource();
    const script = path.join(packageRoot, 'test', 'reliability', 'support', 'kill-in-flight.ts');
    const tsx = path.join(packageRoot, 'node_modules', '.bin', 'tsx');
    const { stdout } = await promisify(execFile)(tsx, [script, target.url, source.serverUrl], {
      cwd: packageRoot,
      timeout: 90_000,
    });
    const outcome = JSON.parse(stdout.trim().split('\n').at(-1)!) as Outcome;
    console.log(`after the kill: ${JSON.stringify(outcome)}`);
    expect(outcome.txErrorCode).toBe('connection_lost');
    expect(outcome.uncaught).toContain("Cannot read properties of null (reading 'write')");
  });
});
