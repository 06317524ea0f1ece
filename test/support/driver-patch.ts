import fs from 'node:fs';
import path from 'node:path';

/** The builds of postgres.js 3.4.9 that patches/postgres@3.4.9.patch changes. */
export const PATCHED_BUILDS = ['src', 'cjs/src', 'cf/src'];

/** What the patch adds that the postgres.js build at `postgresDir` lacks: empty when the patched driver is installed. */
export function missingDriverPatch(postgresDir: string, build: string): string[] {
  const connection = fs.readFileSync(path.join(postgresDir, build, 'connection.js'), 'utf8');
  const index = fs.readFileSync(path.join(postgresDir, build, 'index.js'), 'utf8');
  return [
    connection.includes('function writeAfterClose()') ? null : 'connection.js: writeAfterClose',
    index.includes('closedError') ? null : 'index.js: closedError',
  ].filter((entry) => entry !== null);
}
