import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// Child processes of the end-to-end tests: run as a fresh shell would, and killed with everything they started.

export interface Run {
  code: number;
  output: string;
}

/** The environment of a fresh shell: no test database, no vitest worker variables. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && !['TEST_DATABASE_URL', 'DATABASE_URL', 'DIRECT_URL'].includes(key),
    ),
  );
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

export const running = new Set<ChildProcess>();

/** Kills a child and everything it started (tsc's wrapper starts the native compiler; vitest its workers). */
export function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd, env: cleanEnv(env), detached: true });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      running.delete(child);
      console.log(`${path.basename(command)} ${args.join(' ')}: exit ${code} after ${Date.now() - started} ms`);
      resolve({ code: code ?? 1, output });
    });
  });
}
