import fs from 'node:fs';
import path from 'node:path';
import { assert } from './context.js';

// What a client bundle must not hold. A bundler's output names no modules, so the check looks for strings only the
// drivers carry; each marker is first found in the installed driver itself, so an upgrade that drops one fails the
// check instead of making it pass on anything.

const markers = [
  { driver: 'postgres.js', packageDir: 'postgres', text: 'SCRAM-SHA-256' },
  { driver: 'PGlite', packageDir: '@electric-sql/pglite', text: 'pglite.data' },
];
/** A `node:` module specifier as a bundle keeps it: `require("node:fs")`, `from "node:path"`. */
const nodeSpecifier = /["'`]node:[a-z_/]+["'`]/;

function scriptFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(c|m)?js$/.test(file))
    .map((file) => path.join(dir, file));
}

/** Fails unless each marker occurs in its driver as installed for `databaseDir` (packages/database). */
export function assertMarkersLive(databaseDir: string): void {
  for (const { driver, packageDir, text } of markers) {
    const installed = fs.realpathSync(path.join(databaseDir, 'node_modules', packageDir));
    const found = scriptFiles(installed).some((file) => fs.readFileSync(file, 'utf8').includes(text));
    assert(found, `${driver} no longer carries the marker "${text}": pick another string only it contains`);
  }
}

/** Every script under `dir` that holds driver code, with what gave it away. */
export function findDriverCode(dir: string): { files: number; bytes: number; hits: string[] } {
  const files = scriptFiles(dir);
  const hits: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    bytes += text.length;
    const name = path.relative(dir, file);
    for (const { driver, text: marker } of markers)
      if (text.includes(marker)) hits.push(`${name}: ${driver} ("${marker}")`);
    const specifier = nodeSpecifier.exec(text)?.[0];
    if (specifier) hits.push(`${name}: a node: module (${specifier})`);
  }
  return { files: files.length, bytes, hits };
}
