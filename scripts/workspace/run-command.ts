import { spawn } from 'node:child_process';

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Resolve with stdout and stderr interleaved (for a tool that warns on stderr), not stdout alone. */
  withStderr?: boolean;
}

/** Runs a command to completion; resolves with its stdout, or rejects with its whole output when it fails. */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(options.withStderr ? output : stdout);
      else reject(new Error(`\`${command} ${args.join(' ')}\` in ${options.cwd} exited ${code}:\n${output}`));
    });
  });
}
