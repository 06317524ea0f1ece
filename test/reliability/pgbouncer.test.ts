import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseOptionsFromEnv } from '../../src/client/create-database.ts';
import { shouldPrepare, type PostgresHandle } from '../../src/client/postgres.ts';
import { parseEnv } from '../../src/env.ts';
import { runWithExecutor, withTransaction } from '../../src/executor.ts';
import { TodoQueries } from '../../src/queries/features/todos.ts';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invites.ts';
import { TenantQueries } from '../../src/queries/tenant/tenants.ts';
import { isolatedDatabase } from '../../src/testing/index.ts';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.ts';
import { insertUser } from '../support/fixtures.ts';
import { startPgBouncer, type PgBouncer } from './support/pgbouncer.ts';
import { runMigrate } from './support/run-migrate.ts';
import { serverSource } from './support/server.ts';

let bouncer: PgBouncer;
let target: IsolatedDatabase;
let poolerUrl: string;

beforeAll(async () => {
  const server = new URL(serverSource().serverUrl);
  bouncer = await startPgBouncer({ host: server.hostname, port: Number(server.port || 5432) });
  target = await isolatedDatabase();
  poolerUrl = bouncer.url(new URL(target.url).pathname.slice(1));
});

afterAll(async () => {
  await target?.close();
  await bouncer?.stop();
});

describe('through PgBouncer in transaction mode (pool_mode = transaction)', () => {
  it('the options the env module picks for `?pgbouncer=true` turn statement preparation off', () => {
    const options = databaseOptionsFromEnv(parseEnv({ DATABASE_URL: poolerUrl }));
    expect(options.url).toBe(poolerUrl);
    expect(shouldPrepare(poolerUrl, options.prepare)).toBe(false);
  });

  it('12 query-object operations succeed: todo create/list/update/delete, nested savepoint, createWithOwner, invite create+accept, 20 concurrent reads', async () => {
    const pooled = createDatabase(databaseOptionsFromEnv(parseEnv({ DATABASE_URL: poolerUrl }))) as PostgresHandle;
    expect(pooled.client.options.prepare).toBe(false);
    try {
      await runWithExecutor(pooled.db, async () => {
        const owner = await insertUser();
        const { tenant, owner: membership } = await TenantQueries.createWithOwner(
          { name: 'Pooled', slug: `pooled-${randomUUID().slice(0, 8)}` },
          owner.id,
        );
        expect(membership).toMatchObject({ tenantId: tenant.id, userId: owner.id, role: 'owner' });
        const scope = { tenantId: tenant.id };

        const todo = await TodoQueries.create({ userId: owner.id, title: 'through the pooler' }, scope);
        expect((await TodoQueries.update(todo.id, { completed: true }, scope)).completed).toBe(true);
        expect((await TodoQueries.list({}, scope)).items.map((t) => t.id)).toEqual([todo.id]);
        const reads = await Promise.all(Array.from({ length: 20 }, () => TodoQueries.findById(todo.id, scope)));
        expect(reads.map((t) => t?.id)).toEqual(Array(20).fill(todo.id));

        await withTransaction(async () => {
          await TodoQueries.create({ userId: owner.id, title: 'outer' }, scope);
          await withTransaction(async () => {
            await TodoQueries.create({ userId: owner.id, title: 'inner' }, scope);
            throw new Error('inner rolls back to its savepoint');
          }).catch(() => {});
        });
        const titles = (await TodoQueries.list({}, scope)).items.map((t) => t.title).sort();
        expect(titles).toEqual(['outer', 'through the pooler']);

        expect((await TodoQueries.delete(todo.id, scope)).id).toBe(todo.id);
        expect(await TodoQueries.findById(todo.id, scope)).toBeNull();

        const invitee = await insertUser();
        const { invite, token } = await TenantInviteQueries.create(
          { email: invitee.email, role: 'member', invitedByUserId: owner.id },
          scope,
        );
        const accepted = await TenantInviteQueries.accept(token, invitee.id);
        expect(accepted.invite).toMatchObject({ id: invite.id, status: 'accepted' });
        expect(accepted.member).toMatchObject({ tenantId: tenant.id, userId: invitee.id, role: 'member' });
      });
    } finally {
      await pooled.close();
    }
  });

  it('`pnpm db:migrate` with DATABASE_URL/DIRECT_URL = the pooler URL is refused: exit 1, the explanation on stderr', async () => {
    const run = await runMigrate({ DATABASE_URL: poolerUrl, DIRECT_URL: poolerUrl });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('Refusing to migrate through a transaction pooler');
    expect(run.stderr).toContain('Set DIRECT_URL to the direct or session-mode URL');
    expect(run.stdout).not.toContain('Applied');
  });
});
