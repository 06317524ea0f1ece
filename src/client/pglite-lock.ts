import fs from 'node:fs';
import path from 'node:path';
import { DatabaseInUseError } from '../errors/classes.js';

// Two processes opening one PGlite data directory corrupt it, and PGlite does not stop them: a pid file does.

const held = new Set<string>();

function lockPath(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, '')}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function releaseAllOnExit() {
  for (const file of held) {
    try {
      if (readPid(file) === process.pid) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  }
}
process.once('exit', releaseAllOnExit);

/** Takes the directory for this process; throws `DatabaseInUseError` naming the pid that holds it. Returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const file = lockPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (held.has(file)) throw new DatabaseInUseError(dataDir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      held.add(file);
      return () => {
        held.delete(file);
        if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readPid(file);
      if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DatabaseInUseError(dataDir, owner);
      // Stale lock of a process that died without cleaning up.
      fs.rmSync(file, { force: true });
    }
  }
  throw new DatabaseInUseError(dataDir, readPid(file) ?? -1);
}
