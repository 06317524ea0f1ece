import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/config/database-url.js';
import { env } from '../src/config/env.js';
import { cases } from './cases/index.js';
import type { BenchContext } from './lib/context.js';
import { createBenchPglite, createBenchPostgres, serverAvailable, type BenchPostgres } from './lib/databases.js';
import { gitCommit, machine, terminalTable, writeReports } from './lib/report.js';
import type { CaseResult } from './lib/result.js';

// `pnpm bench` measures and reports; it never fails because a goal is missed. `--smoke` runs every case with tiny
// counts so CI proves the bench code still works. `--only <case>` (repeatable) runs the named cases.

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
  },
});
const smoke = values.smoke ?? false;
const only = values.only ?? [];
const unknown = only.filter((name) => !cases.some((c) => c.name === name));
if (unknown.length > 0) {
  console.error(`Unknown case ${unknown.join(', ')}; cases: ${cases.map((c) => c.name).join(', ')}`);
  process.exit(2);
}
const selected = only.length > 0 ? cases.filter((c) => only.includes(c.name)) : cases;

const started = performance.now();
const startedAt = new Date().toISOString();
const serverUrl = env().BENCH_DATABASE_URL ?? DEFAULT_SERVER;
const progress = (line: string) => process.stderr.write(`${line}\n`);

progress(`bench${smoke ? ' (smoke)' : ''}: ${selected.length} case(s); setting up databases...`);
let postgresDb: BenchPostgres | null = null;
if (await serverAvailable(serverUrl)) {
  postgresDb = await createBenchPostgres(serverUrl);
} else {
  progress(`No PostgreSQL server answers at BENCH_DATABASE_URL (${serverUrl}): PostgreSQL rows are skipped.`);
}
const pglite = await createBenchPglite();
// Ctrl-C still drops the throwaway database.
process.once('SIGINT', () => {
  progress('Interrupted: dropping the bench database...');
  void Promise.allSettled([postgresDb?.close(), pglite.close()]).then(() => process.exit(130));
});
const context: BenchContext = {
  smoke,
  serverUrl,
  postgres: postgresDb,
  pglite,
  progress,
  pick: (full, small) => (smoke ? small : full),
};

const postgresVersion = postgresDb
  ? `PostgreSQL ${(await postgresDb.query<{ server_version: string }>('show server_version'))[0]?.server_version}`
  : 'no PostgreSQL';
const pglitePackage = JSON.parse(
  fs.readFileSync(path.join(packageRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
) as { version: string };
const pgliteServer = (await pglite.query<{ version: string }>('select version()'))[0]?.version.split(' ')[1] ?? '?';
const pgliteVersion = `${pglitePackage.version} (PostgreSQL ${pgliteServer})`;

const results: CaseResult[] = [];
let failed = false;
try {
  for (const [index, benchCase] of selected.entries()) {
    const caseStarted = performance.now();
    progress(`[${index + 1}/${selected.length}] ${benchCase.name}: ${benchCase.description}...`);
    try {
      const rows = await benchCase.run(context);
      results.push(...rows);
      for (const r of rows) {
        const ratio = r.ratio === null ? '' : ` ${r.ratio.toFixed(2)}x`;
        const mark = r.pass === null ? '' : r.pass ? ' ✓' : ' ✗';
        progress(`      ${r.case} (${r.database}):${ratio}${mark}`);
      }
      progress(`      done in ${((performance.now() - caseStarted) / 1000).toFixed(1)} s`);
    } catch (error) {
      // A broken case is a bug in the bench: report it, finish the others, exit non-zero.
      failed = true;
      progress(`      FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
} finally {
  await Promise.all([postgresDb?.close(), pglite.close()]);
}

const info = {
  startedAt,
  seconds: (performance.now() - started) / 1000,
  smoke,
  commit: gitCommit(),
  ...machine(),
  postgres: postgresVersion,
  pglite: pgliteVersion,
};
console.log(`\n${terminalTable(results)}\n`);
const files = writeReports(path.join(packageRoot, 'bench', 'results'), info, results);
console.log(
  `${results.length} rows in ${info.seconds.toFixed(0)} s. Written: ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}`,
);
if (smoke) console.log('Smoke pass: counts are tiny, the numbers mean nothing.');
process.exit(failed ? 1 : 0);
