import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/client/pglite-lock.js';
import { DatabaseInUseError } from '../../src/errors/classes.js';

const dirs: string[] = [];
function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pglite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('PGlite data-directory lock', () => {
  it('refuses a second open in the same process, and frees the directory on release', () => {
    const dataDir = tempDataDir();
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DatabaseInUseError);
    release();
    lockDataDir(dataDir)();
  });

  it('names the pid of another live process that holds it', async () => {
    const dataDir = tempDataDir();
    const holder = spawn(process.execPath, [
      '-e',
      `require('fs').writeFileSync(${JSON.stringify(`${dataDir}.lock`)}, String(process.pid)); setInterval(() => {}, 1000)`,
    ]);
    try {
      // Wait until the child has written its pid (slow on a loaded machine).
      for (
        let i = 0;
        i < 200 && fs.readFileSync(`${dataDir}.lock`, { flag: 'a+' }).toString() !== String(holder.pid);
        i++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const error = (() => {
        try {
          lockDataDir(dataDir);
        } catch (e) {
          return e as DatabaseInUseError;
        }
        throw new Error('lock was granted');
      })();
      expect(error).toBeInstanceOf(DatabaseInUseError);
      expect(error.pid).toBe(holder.pid);
      expect(error.message).toContain(`already in use by pid ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it('takes over the stale lock of a process that died', () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(`${dataDir}.lock`, '999999'); // no such process
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
