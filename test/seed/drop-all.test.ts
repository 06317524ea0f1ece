import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, inject, it } from 'vitest';
import { lockDataDir } from '../../src/client/pglite-lock.js';
import { DatabaseInUseError } from '../../src/errors/classes.js';
import { dropAll, migrate, readMigrationFiles } from '../../src/migrate/index.js';
import * as schema from '../../src/schema/index.js';
import { isolatedDatabase } from '../../src/testing/index.js';

const MIGRATIONS = readMigrationFiles().length;
/** The schema's tables: what the migrations create in `public`. */
const TABLES = Object.values(schema).filter((value) => is(value, PgTable)).length;

// `pnpm db:reset` = dropAll + migrate + seed; dropAll is the destructive part, so it is tested on its own.

describe('dropAll on an embedded PGlite data directory', () => {
  it('refuses while 1 holder has it open, then deletes it (1 file in it)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drop-all-'));
    fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '17');
    const release = lockDataDir(dataDir);
    await expect(dropAll({ url: `pglite://${dataDir}` })).rejects.toBeInstanceOf(DatabaseInUseError);
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    release();
    expect(await dropAll({ url: `pglite://${dataDir}` })).toContain(dataDir);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

describe.skipIf(inject('testDatabase').kind !== 'postgres')('dropAll on a PostgreSQL database', () => {
  it(`leaves 0 tables, enums and migration records, and all ${MIGRATIONS} migrations then apply again`, async () => {
    const database = await isolatedDatabase({ poolMax: 1 });
    try {
      const count = async (query: string) =>
        Number(((await database.db.execute(sql.raw(query))) as unknown as { n: string }[])[0]!.n);
      expect(await count(`select count(*) as n from pg_tables where schemaname = 'public'`)).toBeGreaterThan(20);

      await dropAll({ url: database.url });
      expect(await count(`select count(*) as n from pg_tables where schemaname = 'public'`)).toBe(0);
      expect(
        await count(`select count(*) as n from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' and t.typtype = 'e'`),
      ).toBe(0);
      expect(await count(`select count(*) as n from pg_namespace where nspname = 'drizzle'`)).toBe(0);

      const report = await migrate({ url: database.url, log: () => {} });
      expect(report.applied).toHaveLength(MIGRATIONS);
      expect(await count(`select count(*) as n from pg_tables where schemaname = 'public'`)).toBe(TABLES);
    } finally {
      await database.close();
    }
  });
});
