import fs from 'node:fs';
import postgres from 'postgres';
import { lockDataDir } from '../client/pglite-lock.js';
import { parseDatabaseUrl } from '../config/database-url.js';
import { MigrationError } from '../errors/classes.js';

export interface DropAllOptions {
  /** A DATABASE_URL-style string (the direct URL); `undefined` is the embedded default. */
  url: string | undefined;
  connectTimeoutSeconds?: number;
}

/**
 * Removes everything the migrations created, so they can run again from the start (`pnpm db:reset`).
 * PostgreSQL: drops the `public` schema (tables, enums, functions, data) and drizzle's bookkeeping schema, then
 * recreates an empty `public` with the PostgreSQL 15 default grant (usage for everyone). Other schemas (Supabase's
 * auth, storage, extensions) are left alone. PGlite: deletes the data directory, after taking its lock so a running
 * dev server or studio is not pulled from under its feet. Returns a description of what was dropped.
 */
export async function dropAll(options: DropAllOptions): Promise<string> {
  const target = parseDatabaseUrl(options.url);
  if (target.kind === 'pglite') {
    if (target.dataDir === null) return 'in-memory PGlite (nothing persisted)';
    const release = lockDataDir(target.dataDir);
    try {
      fs.rmSync(target.dataDir, { recursive: true, force: true });
    } finally {
      release();
    }
    return `embedded PGlite data directory ${target.dataDir}`;
  }
  if (target.pooler) {
    throw new MigrationError(
      `Refusing to reset through a transaction pooler (${target.redacted}): set DIRECT_URL to the direct URL.`,
    );
  }
  const sql = postgres(target.connectionUrl, {
    max: 1,
    prepare: false,
    onnotice: () => {},
    connect_timeout: options.connectTimeoutSeconds ?? 10,
  });
  try {
    await sql.begin(async (tx) => {
      await tx.unsafe('drop schema if exists drizzle cascade');
      await tx.unsafe('drop schema if exists public cascade');
      await tx.unsafe('create schema public');
      await tx.unsafe('grant usage on schema public to public');
    });
  } finally {
    await sql.end();
  }
  return `schemas public and drizzle of ${target.redacted}`;
}
