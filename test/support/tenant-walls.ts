import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/client/db.js';
import type { Executor } from '../../src/client/types.js';
import { DatabaseError } from '../../src/errors/classes.js';
import { withTransaction } from '../../src/client/executor.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { SubscriptionQueries } from '../../src/queries/subscriptions/subscription.js';
import { TenantActivityQueries } from '../../src/queries/tenant/tenant-activity.js';
import { TenantInviteQueries } from '../../src/queries/tenant/tenant-invite.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import { TENANT_ROLES } from '../../src/schema/tables/tenant/tenant-member.js';
import { factories } from '../../src/testing/index.js';
import { useTestTenantDatabases, type TestTenantDatabases } from '../../src/testing/tenant-databases.js';
import { prepareTenantDatabase } from '../../src/tenancy/prepare-database.js';
import { useDatabaseAt } from '../../src/tenancy/router.js';
import { readRows } from './placements.js';

// The query objects' tenant wall (the first one; RLS is the second): random sequences of operations by three tenants,
// each aimed at ids of any tenant. After every step, every row a read returned belongs to the acting tenant, and the
// other two tenants' rows (read with raw SQL, every tenant table) are exactly as before the step.
// With `placed`, four tenants: two share a dedicated PGlite database, one has a dedicated database of its own (on the
// server when the run has one), one stays shared; the rows are read in every database.

const STEPS = 20;
const TENANTS = 3;
/** Where the placed variant's tenants live: an index into its dedicated databases, or null for the shared one. */
const PLACED_TENANTS: readonly (number | null)[] = [0, 0, 1, null];
const EXTRA_USERS = 3;

/** Outcomes a step may legitimately have besides success: the target is not in the tenant, or a rule said no. */
const EXPECTED_ERROR_CODES = new Set(['not_found', 'conflict', 'check_violation', 'foreign_key']);

interface World {
  tenants: string[];
  users: string[];
  todos: { id: string; tenantId: string }[];
  invites: { id: string; tenantId: string }[];
  notifications: { id: string; tenantId: string; userId: string }[];
  members: { tenantId: string; userId: string }[];
}

interface Step {
  tenant: number;
  op: (typeof OPS)[number];
  pick: number;
  flag: boolean;
}

/** Rows a read or write handed back: each must carry the acting tenant. */
type Returned = { tenantId: string }[];

interface StepNote {
  /** The step was aimed at a row or member of another tenant (set before the call, so failures count too). */
  foreignTarget: boolean;
}

const OPS = [
  'todo.create',
  'todo.update',
  'todo.softDelete',
  'todo.restore',
  'todo.delete',
  'todo.findById',
  'todo.list',
  'member.add',
  'member.changeRole',
  'member.remove',
  'member.list',
  'invite.create',
  'invite.update',
  'invite.revoke',
  'invite.listPending',
  'notification.create',
  'notification.markRead',
  'notification.markAllRead',
  'notification.list',
  'notification.unreadCount',
  'subscription.create',
  'subscription.list',
  'activity.log',
  'activity.list',
] as const;

const stepArb = (tenants: number): fc.Arbitrary<Step> =>
  fc.record({
    tenant: fc.nat({ max: tenants - 1 }),
    op: fc.constantFrom(...OPS),
    pick: fc.nat(),
    flag: fc.boolean(),
  });

const pickFrom = <T>(list: T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined);

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return readRows<T>(db, query);
}

/**
 * A digest of every row of every tenant table, per tenant: in the shared database, then in each of `dedicated` (a
 * tenant's digest is the list of its digests there, so a row in the wrong database changes it too).
 */
async function snapshot(tenantIds: string[], dedicated: readonly string[] = []): Promise<Map<string, string>> {
  const digests = new Map<string, string>(tenantIds.map((id) => [id, '']));
  for (const at of [null, ...dedicated]) {
    const here =
      at === null ? await snapshotOf(db, tenantIds) : await useDatabaseAt(at, (h) => snapshotOf(h.db, tenantIds));
    for (const id of tenantIds) digests.set(id, `${digests.get(id)}|${here.get(id) ?? '-'}`);
  }
  return digests;
}

async function snapshotOf(executor: Executor, tenantIds: string[]): Promise<Map<string, string>> {
  const ids = sql.join(
    tenantIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const owned = (table: string, tenantColumn = 'tenant_id') =>
    sql`select ${sql.raw(tenantColumn)} as tenant, ${table} as tbl, to_jsonb(x)::text as row from ${sql.raw(`"${table}"`)} x where ${sql.raw(tenantColumn)} in (${ids})`;
  const digests = await readRows<{ tenant: string; digest: string }>(
    executor,
    sql`
    select tenant::text, md5(string_agg(tbl || ' ' || row, E'\n' order by tbl, row)) as digest from (
      ${owned('tenants', 'id')} union all
      ${owned('tenant_members')} union all
      ${owned('tenant_invites')} union all
      ${owned('tenant_activity')} union all
      ${owned('todos')} union all
      ${owned('notifications')} union all
      ${owned('notification_preferences')} union all
      ${owned('subscriptions')} union all
      ${owned('user_activity_daily')} union all
      select n.tenant_id, 'notification_deliveries', to_jsonb(d)::text
        from notification_deliveries d join notifications n on n.id = d.notification_id where n.tenant_id in (${ids})
    ) s group by tenant`,
  );
  return new Map(digests.map((row) => [row.tenant, row.digest]));
}

/** `place(i, tenantId)` puts tenant i on its database (before it has rows, with its owner, whom placing copies). */
async function seedWorld(tenants = TENANTS, place?: (i: number, tenantId: string) => Promise<void>): Promise<World> {
  const world: World = { tenants: [], users: [], todos: [], invites: [], notifications: [], members: [] };
  for (let i = 0; i < tenants; i++) {
    const tenantId = (await factories.tenants.create()).id;
    const owner = (await factories.user.create()).id;
    await factories.tenantMembers.create({ tenantId, userId: owner, role: 'owner' });
    await place?.(i, tenantId);
    world.tenants.push(tenantId);
    world.users.push(owner);
    world.members.push({ tenantId, userId: owner });
    const scope = { tenantId };
    world.todos.push(await TodoQueries.create({ userId: owner, title: 'seed' }, scope));
    world.invites.push(
      (await TenantInviteQueries.create({ email: `seed-${randomUUID()}@example.com`, role: 'member' }, scope)).invite,
    );
    world.notifications.push(
      (await NotificationQueries.create({ userId: owner, type: 'seed.created', title: 'Seed' }, scope)).notification,
    );
  }
  for (let i = 0; i < EXTRA_USERS; i++) world.users.push((await factories.user.create()).id);
  return world;
}

/** Runs one step as `tenantId`; records created rows in `world` so later steps can aim at them from any tenant. */
async function runStep(world: World, tenantId: string, step: Step, note: StepNote): Promise<Returned> {
  const scope = { tenantId };
  const { pick, flag } = step;
  const user = pickFrom(world.users, pick)!;
  const role = TENANT_ROLES[pick % TENANT_ROLES.length]!;
  const aimedAt = <T extends { tenantId: string }>(list: T[]) => {
    const target = pickFrom(list, pick);
    note.foreignTarget = target !== undefined && target.tenantId !== tenantId;
    return target;
  };

  switch (step.op) {
    case 'todo.create': {
      const todo = await TodoQueries.create({ userId: user, title: `todo ${pick}`, completed: flag }, scope);
      world.todos.push(todo);
      return [todo];
    }
    case 'todo.update':
    case 'todo.softDelete':
    case 'todo.restore':
    case 'todo.delete':
    case 'todo.findById': {
      const target = aimedAt(world.todos);
      if (!target) return [];
      const result =
        step.op === 'todo.update'
          ? await TodoQueries.update(target.id, { completed: flag, title: `changed ${pick}` }, scope)
          : step.op === 'todo.softDelete'
            ? await TodoQueries.softDelete(target.id, scope)
            : step.op === 'todo.restore'
              ? await TodoQueries.restore(target.id, scope)
              : step.op === 'todo.delete'
                ? await TodoQueries.delete(target.id, scope)
                : await TodoQueries.findById(target.id, { ...scope, withDeleted: flag });
      return result ? [result] : [];
    }
    case 'todo.list':
      return (await TodoQueries.list({ limit: 200 }, { ...scope, withDeleted: flag })).items;
    case 'member.add': {
      const member = await TenantMemberQueries.add(user, role, scope);
      world.members.push(member);
      return [member];
    }
    case 'member.changeRole':
    case 'member.remove': {
      const target = aimedAt(world.members);
      if (!target) return [];
      const member =
        step.op === 'member.changeRole'
          ? await TenantMemberQueries.changeRole(target.userId, role, scope)
          : await TenantMemberQueries.remove(target.userId, scope);
      return [member];
    }
    case 'member.list':
      return (await TenantMemberQueries.list({ limit: 200 }, scope)).items;
    case 'invite.create': {
      const { invite } = await TenantInviteQueries.create({ email: `i-${randomUUID()}@example.com`, role }, scope);
      world.invites.push(invite);
      return [invite];
    }
    case 'invite.update':
    case 'invite.revoke': {
      const target = aimedAt(world.invites);
      if (!target) return [];
      const invite =
        step.op === 'invite.update'
          ? await TenantInviteQueries.update(target.id, { role }, scope)
          : await TenantInviteQueries.revoke(target.id, scope);
      return [invite];
    }
    case 'invite.listPending':
      return (await TenantInviteQueries.listPending({ limit: 200 }, scope)).items;
    case 'notification.create': {
      const { notification } = await NotificationQueries.create(
        { userId: user, type: 'wall.tested', title: `n ${pick}` },
        scope,
      );
      world.notifications.push(notification);
      return [notification];
    }
    case 'notification.markRead': {
      // The notification's own user, so only the tenant stands between the call and the row.
      const target = aimedAt(world.notifications);
      if (!target) return [];
      return [await NotificationQueries.markRead(target.id, target.userId, scope)];
    }
    case 'notification.markAllRead': {
      const target = aimedAt(world.notifications);
      if (!target) return [];
      await NotificationQueries.markAllRead(target.userId, scope);
      return [];
    }
    case 'notification.list':
      return (await NotificationQueries.list(user, { limit: 200 }, scope)).items;
    case 'notification.unreadCount': {
      const count = await NotificationQueries.unreadCount(user, scope);
      const [raw] = await rows<{ n: number }>(
        sql`select count(*)::int as n from notifications where tenant_id = ${tenantId} and user_id = ${user} and read_at is null`,
      );
      expect(count).toBe(raw!.n);
      return [];
    }
    case 'subscription.create':
      return [
        await SubscriptionQueries.create(
          {
            providerCustomerId: `cus_${randomUUID()}`,
            providerSubscriptionId: `sub_${randomUUID()}`,
            plan: 'pro',
            status: flag ? 'active' : 'canceled',
          },
          scope,
        ),
      ];
    case 'subscription.list':
      return (await SubscriptionQueries.list({ limit: 200 }, scope)).items;
    case 'activity.log': {
      const entry = await TenantActivityQueries.log({ tenantId, actorUserId: user, action: `wall.step.${pick % 7}` });
      expect(entry).not.toBeNull();
      return [entry!];
    }
    case 'activity.list':
      return (await TenantActivityQueries.list({ limit: 200 }, scope)).items;
  }
}

class RollbackSequence extends Error {}

/** Runs `sequence` in `world`, checking the walls after every step; `dedicated`: the databases to read too. */
async function runSequence(
  world: World,
  sequence: Step[],
  dedicated: readonly string[],
  tally: { steps: number; foreignTargets: number; rejected: number },
): Promise<void> {
  let before = await snapshot(world.tenants, dedicated);
  for (const step of sequence) {
    const tenantId = world.tenants[step.tenant]!;
    const note: StepNote = { foreignTarget: false };
    let returned: Returned = [];
    try {
      returned = await runStep(world, tenantId, step, note);
    } catch (error) {
      if (!(error instanceof DatabaseError) || !EXPECTED_ERROR_CODES.has(error.code)) throw error;
      tally.rejected++;
    }
    if (note.foreignTarget) tally.foreignTargets++;
    for (const row of returned) expect(row.tenantId, step.op).toBe(tenantId);

    const after = await snapshot(world.tenants, dedicated);
    for (const other of world.tenants.filter((id) => id !== tenantId)) {
      expect(after.get(other), `${step.op} by another tenant changed this one`).toBe(before.get(other));
    }
    before = after;
    tally.steps++;
  }
}

export interface TenantWallOptions {
  /**
   * Tenants placed on databases of their own (PLACED_TENANTS): each sequence seeds a world of its own, since
   * writes to a dedicated database are not inside the test's rolled-back transaction.
   */
  placed?: boolean;
}

/**
 * Registers the property: `sequences` random sequences, each in a savepoint rolled back at its end (placed: each on
 * a fresh world). `pnpm test` runs a few (test/tenant/tenant-walls*.test.ts), `pnpm test:properties` many
 * (test/properties/tenant-walls*.test.ts).
 */
export function describeTenantWalls(sequences: number, options: TenantWallOptions = {}): void {
  const tenants = options.placed ? PLACED_TENANTS.length : TENANTS;
  let databases: TestTenantDatabases | undefined;
  const dedicated: string[] = [];

  describe(options.placed ? 'tenant walls with placed tenants (property)' : 'tenant walls (property)', () => {
    if (options.placed) {
      beforeAll(async () => {
        databases = useTestTenantDatabases(inject('testDatabase'));
        dedicated.push(await databases.createDatabase('pglite'));
        dedicated.push(await databases.createDatabase(databases.hasServer ? 'server' : 'pglite'));
        // Prepared before a tenant is placed, so every one can be read (a PGlite directory is empty on a server run).
        for (const url of dedicated) await useDatabaseAt(url, (handle) => prepareTenantDatabase(url, handle));
      });
      afterAll(async () => {
        await databases?.close();
      });
    }

    it(`${sequences} random sequences of ${STEPS} query-object steps by ${tenants} tenants: no read returns, and no write touches, another tenant's row`, async () => {
      const tally = { steps: 0, foreignTargets: 0, rejected: 0 };
      const sequenceArb = fc.array(stepArb(tenants), { minLength: STEPS, maxLength: STEPS });

      if (options.placed) {
        const place = async (i: number, tenantId: string) => {
          const on = PLACED_TENANTS[i];
          if (on !== null && on !== undefined) await databases!.place(tenantId, dedicated[on]);
        };
        await fc.assert(
          fc.asyncProperty(sequenceArb, async (sequence) => {
            await runSequence(await seedWorld(tenants, place), sequence, dedicated, tally);
          }),
          { numRuns: sequences },
        );
      } else {
        // One seeded world for all sequences; each sequence runs in a savepoint rolled back at its end, so it starts
        // from the seed and leaves nothing behind.
        const seed = await seedWorld();
        await fc.assert(
          fc.asyncProperty(sequenceArb, async (sequence) => {
            await withTransaction(async () => {
              await runSequence(structuredClone(seed), sequence, [], tally);
              throw new RollbackSequence();
            }).catch((error: unknown) => {
              if (!(error instanceof RollbackSequence)) throw error;
            });
          }),
          { numRuns: sequences },
        );
      }
      console.log(
        `tenant walls: ${tally.steps} steps, ${tally.foreignTargets} aimed at another tenant's row, ${tally.rejected} rejected as expected`,
      );
      expect(tally.steps).toBe(sequences * STEPS);
      // About a third of the steps aim at an existing row, two thirds of those at another tenant's.
      expect(tally.foreignTargets).toBeGreaterThanOrEqual(sequences);
    }, 600_000);
  });
}
