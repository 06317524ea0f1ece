import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { assert, childEnv, log } from './context.js';
import { findDriverCode } from './driver-code.js';
import { runCommand } from './run-command.js';

// The two browser-facing consumers: a Next.js App Router app (apps/web) and a Vite react-ts app (apps/vite). Each
// builds with its framework's own command, and its client output is searched for driver code.

/** `tsc --listFiles` with the app's config (TypeScript 7); resolves with how many database sources it checked. */
export async function typecheckApp(app: string, project: string): Promise<number> {
  const output = await runCommand('pnpm', ['exec', 'tsc', '-p', project, '--listFiles'], { cwd: app, env: childEnv() });
  const files = output.split('\n').filter((file) => file.includes('/packages/database/src/'));
  assert(files.length > 50, `tsc checked only ${files.length} files of packages/database/src: exports not followed?`);
  return files.length;
}

function assertNoDriverCode(dir: string, what: string): string {
  const { files, bytes, hits } = findDriverCode(dir);
  assert(files > 0, `${what}: no scripts under ${dir}`);
  assert(hits.length === 0, `${what} holds driver code:\n  ${hits.join('\n  ')}`);
  return `${files} scripts, ${(bytes / 1024).toFixed(0)} KiB, 0 driver markers`;
}

export async function buildNextApp(root: string): Promise<void> {
  const app = path.join(root, 'apps', 'web');
  // The app's own build script: `next build --webpack` (next.config.ts says why not Turbopack).
  const output = await runCommand('pnpm', ['run', 'build'], {
    cwd: app,
    env: childEnv({ NEXT_TELEMETRY_DISABLED: '1' }),
  });
  assert(output.includes('Finished TypeScript'), `next build did not type-check the app:\n${output}`);
  const client = assertNoDriverCode(path.join(app, '.next', 'static'), 'the Next.js client bundle (.next/static)');
  log(`(f) next build: apps/web (App Router) compiled and type-checked; client bundle ${client}`);
  const checked = await typecheckApp(app, '.');
  log(`(g) tsc with create-next-app's tsconfig.json: apps/web type-checks, 0 errors, ${checked} database source files`);
}

/** `next start` on `databaseUrl`; the server component must list the tenant's todos through TodoQueries. */
export async function renderNextPage(root: string, databaseUrl: string, tenantId: string, titles: string[]) {
  const port = await freePort();
  const server = spawn('pnpm', ['exec', 'next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: path.join(root, 'apps', 'web'),
    env: childEnv({ NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: databaseUrl, DIRECT_URL: databaseUrl }),
    stdio: 'ignore',
    detached: true,
  });
  try {
    const html = await fetchWhenUp(`http://127.0.0.1:${port}/tenants/${tenantId}/todos`);
    for (const title of titles)
      assert(html.includes(`<li>${title}</li>`), `the page does not list "${title}":\n${html}`);
    log(`(i) next start: the server component listed the tenant's ${titles.length} todos from the embedded database`);
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function fetchWhenUp(url: string): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetch(url).catch(() => null);
    if (response) {
      const body = await response.text();
      assert(response.ok, `GET ${url}: ${response.status}\n${body}`);
      return body;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start did not answer ${url} within 30 s`);
}

export async function buildViteApp(root: string): Promise<void> {
  const app = path.join(root, 'apps', 'vite');
  // The template's own build script: `tsc -b && vite build`.
  const output = await runCommand('pnpm', ['run', 'build'], { cwd: app, env: childEnv(), withStderr: true });
  // Vite swaps a node: module for an empty stub in browser builds and says so; the stub carries no marker to find.
  assert(!output.includes('externalized for browser compatibility'), `vite build reached node modules:\n${output}`);
  const bundle = assertNoDriverCode(path.join(app, 'dist'), 'the Vite bundle (dist)');
  const checked = await typecheckApp(app, 'tsconfig.app.json');
  log(`(h) vite build (tsc -b && vite build): apps/vite type-checks (${checked} database source files); ${bundle}`);
}

/** Each app's vitest suite, on database/testing: resolves with "passed/total". */
export async function runVitest(app: string, expected: number): Promise<string> {
  const report = path.join(app, 'vitest-report.json');
  await runCommand('pnpm', ['exec', 'vitest', 'run', '--reporter=json', `--outputFile=${report}`], {
    cwd: app,
    env: childEnv(),
  });
  const result = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numTotalTests: number };
  const summary = `${result.numPassedTests}/${result.numTotalTests}`;
  assert(
    result.numTotalTests === expected && result.numPassedTests === expected,
    `${path.basename(app)} vitest: ${summary} passed, expected ${expected}/${expected}`,
  );
  return summary;
}
