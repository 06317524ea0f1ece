import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TableNames } from './names.js';
import { rulesMigration, type TableAccess } from './templates/rules.js';

// Two migrations, in this order: drizzle-kit's CREATE TABLE, then a custom one with the updated_at trigger and the
// table's grants (both need the table, and drizzle-kit only writes custom migrations empty).

export interface GeneratedMigrations {
  table: string;
  rules: string;
  /** Statements of the table migration that are not about the new table: schema changes that were pending. */
  unrelated: string[];
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file));
}

export function drizzleKitGenerate(root: string, args: string[]): string[] {
  const drizzleDir = path.join(root, 'drizzle');
  const before = new Set(fs.existsSync(drizzleDir) ? listFiles(drizzleDir) : []);
  execFileSync(path.join(root, 'node_modules', '.bin', 'drizzle-kit'), ['generate', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return listFiles(drizzleDir).filter((file) => file.endsWith('.sql') && !before.has(file));
}

export function onlyFile(files: string[], what: string): string {
  if (files.length !== 1) throw new Error(`drizzle-kit generate (${what}) wrote ${files.length} SQL files, expected 1`);
  return files[0]!;
}

export function generateMigrations(root: string, n: TableNames, access: TableAccess): GeneratedMigrations {
  const table = onlyFile(drizzleKitGenerate(root, ['--name', n.sqlName]), n.sqlName);
  const unrelated = fs
    .readFileSync(table, 'utf8')
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter((statement) => statement && !statement.includes(`"${n.sqlName}"`));
  const rules = onlyFile(drizzleKitGenerate(root, ['--custom', '--name', `${n.sqlName}_rules`]), 'custom');
  fs.writeFileSync(rules, rulesMigration(n, access));
  return { table: path.relative(root, table), rules: path.relative(root, rules), unrelated };
}

/** The drizzle/ folder's files and contents, to put back if generating fails half-way. */
export function snapshotMigrations(root: string): Map<string, Buffer> {
  const dir = path.join(root, 'drizzle');
  const files = fs.existsSync(dir) ? listFiles(dir).filter((file) => fs.statSync(file).isFile()) : [];
  return new Map(files.map((file) => [file, fs.readFileSync(file)]));
}

export function restoreMigrations(root: string, snapshot: Map<string, Buffer>): void {
  const dir = path.join(root, 'drizzle');
  for (const file of listFiles(dir)) if (fs.statSync(file).isFile() && !snapshot.has(file)) fs.rmSync(file);
  for (const [file, content] of snapshot) fs.writeFileSync(file, content);
}
