import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/client/create-database.js';
import { createPgliteDatabase } from '../../src/client/pglite.js';
import type { DatabaseHandle } from '../../src/client/types.js';
import { db } from '../../src/client/db.js';
import { currentExecutor, isTransaction, runWithExecutor, withTransaction } from '../../src/client/executor.js';
import { user } from '../../src/schema/tables/auth/user.js';
import { loadSnapshot } from '../../src/testing/pglite-snapshot.js';
import { isolatedDatabase } from '../../src/testing/index.js';

describe('executor model', () => {
  it('`db` inside withTransaction runs on the transaction (no second connection, no deadlock on PGlite)', async () => {
    const email = `tx-${Date.now()}@example.com`;
    await expect(
      withTransaction(async (tx) => {
        expect(currentExecutor()).toBe(tx);
        await db.insert(user).values({ name: 'In tx', email });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const rows = await db
      .select()
      .from(user)
      .where(sql`${user.email} = ${email}`);
    expect(rows).toEqual([]);
  });

  it('nested withTransaction is a savepoint: the inner failure leaves the outer work', async () => {
    const email = `outer-${Date.now()}@example.com`;
    await withTransaction(async () => {
      await db.insert(user).values({ name: 'Outer', email });
      await withTransaction(async (inner) => {
        expect(isTransaction(inner)).toBe(true);
        await db.insert(user).values({ name: 'Inner', email: `inner-${email}` });
        throw new Error('inner');
      }).catch(() => {});
    });
    const names = (
      await db
        .select({ name: user.name })
        .from(user)
        .where(sql`${user.email} like ${`%${email}`}`)
    ).map((r) => r.name);
    expect(names).toEqual(['Outer']);
  });

  it('runWithExecutor sends query objects to another database', async () => {
    const other = await isolatedDatabase();
    try {
      await runWithExecutor(other.db, () =>
        db.insert(user).values({ name: 'Elsewhere', email: 'elsewhere@example.com' }),
      );
      expect(await other.db.select({ name: user.name }).from(user)).toEqual([{ name: 'Elsewhere' }]);
      expect(
        await db
          .select()
          .from(user)
          .where(sql`${user.email} = 'elsewhere@example.com'`),
      ).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('query logging', () => {
  async function loggedDatabase(lines: string[], logParams: boolean): Promise<DatabaseHandle> {
    const source = inject('testDatabase');
    const options = { logQueries: true, logParams, log: (line: string) => lines.push(line) };
    if (source.kind === 'pglite')
      return createPgliteDatabase(null, { ...options, loadDataDir: loadSnapshot(source.snapshotPath) });
    return createDatabase({ ...options, url: source.serverUrl });
  }

  it('logs each query with its duration and redacts parameters by default', async () => {
    const lines: string[] = [];
    const handle = await loggedDatabase(lines, false);
    try {
      await handle.db.execute(sql`select ${'planted-secret-value'}::text as v`);
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`select ${'secret-in-transaction'}::text as v`);
      });
    } finally {
      await handle.close();
    }
    const output = lines.join('\n');
    expect(output).toMatch(/\[db\] \d+\.\d ms {2}select \$1::text as v -- 1 param \(redacted\)/);
    expect(lines.filter((line) => line.includes('select $1::text')).length).toBe(2);
    expect(output).not.toContain('planted-secret-value');
    expect(output).not.toContain('secret-in-transaction');
  });

  it('shows parameters only when DATABASE_LOG_PARAMS asks for them', async () => {
    const lines: string[] = [];
    const handle = await loggedDatabase(lines, true);
    try {
      await handle.db.execute(sql`select ${'visible-value'}::text as v`);
    } finally {
      await handle.close();
    }
    expect(lines.join('\n')).toContain('"visible-value"');
  });
});
