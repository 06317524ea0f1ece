import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { withTransaction } from '../../src/client/executor.js';
import type { Executor } from '../../src/client/types.js';
import { DatabaseError } from '../../src/errors/classes.js';
import type { Todo } from '../../src/dto/features/todo.js';
import type { TenantActivity } from '../../src/dto/tenant/tenant-activity.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { TenantActivityQueries } from '../../src/queries/tenant/tenant-activity.js';
import { withRls } from '../../src/scope/rls.js';
import { withTenant } from '../../src/scope/tenant.js';
import { factories } from '../../src/testing/index.js';
import { useTestTenantDatabases, type TestTenantDatabases } from '../../src/testing/tenant-databases.js';
import { prepareTenantDatabase } from '../../src/tenancy/prepare-database.js';
import { useDatabaseAt } from '../../src/tenancy/router.js';
import { readRows } from './placements.js';

// The mixed-placement property of tenant databases (issue 17): a random sequence of query-object calls by tenants
// placed at random (shared, a dedicated PGlite directory, a dedicated server database; several tenants per dedicated
// database) is run twice, once by tenants so placed and once by tenants all in the shared database. Every call must
// return the same thing in both runs (ids and timestamps set aside), and afterwards each placed tenant's rows must be
// in its own database only, equal to its shared twin's. One step reads through RLS, which in a dedicated database
// rests on its copy of the memberships.

const TENANTS = 4;
const USERS = 2;
const LIST_PAGE = 3;
const TITLES = ['buy milk', 'Ünïcödé ✓', 'call Bob', 'x', 'ship it', 'it\'s "quoted"'];

/** Outcomes a call may have besides success, the same in both runs: its target is another tenant's or gone. */
const EXPECTED_ERROR_CODES = new Set(['not_found']);

const OPS = [
  'todo.create',
  'todo.createAmbient',
  'todo.createMany',
  'todo.update',
  'todo.softDelete',
  'todo.restore',
  'todo.delete',
  'todo.findById',
  'todo.list',
  'todo.listAsCaller',
  'todo.transaction',
  'todo.rolledBack',
  'activity.log',
  'activity.list',
] as const;

interface Step {
  tenant: number;
  op: (typeof OPS)[number];
  pick: number;
  flag: boolean;
  title: string;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  tenant: fc.nat({ max: TENANTS - 1 }),
  op: fc.constantFrom(...OPS),
  pick: fc.nat(),
  flag: fc.boolean(),
  title: fc.constantFrom(...TITLES),
});

/** One run's tenants and what it has seen: ids get a ref in the order they first come back (the same in both). */
interface World {
  tenants: string[];
  users: string[];
  refs: Map<string, number>;
  todoIds: string[];
}

class RolledBack extends Error {}

function refOf(world: World, id: string): number {
  let ref = world.refs.get(id);
  if (ref === undefined) {
    ref = world.refs.size;
    world.refs.set(id, ref);
    world.todoIds.push(id);
  }
  return ref;
}

function normalTodo(world: World, todo: Todo) {
  return {
    ref: refOf(world, todo.id),
    tenant: world.tenants.indexOf(todo.tenantId),
    user: world.users.indexOf(todo.userId),
    title: todo.title,
    description: todo.description,
    completed: todo.completed,
    deleted: todo.deletedAt !== null,
  };
}

function normalEntry(world: World, entry: TenantActivity) {
  return {
    tenant: world.tenants.indexOf(entry.tenantId),
    actor: entry.actorUserId === null ? null : world.users.indexOf(entry.actorUserId),
    action: entry.action,
  };
}

/** Every page of the tenant's todos, `LIST_PAGE` at a time, newest first. */
async function listAll(world: World, tenantId: string, withDeleted: boolean) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await TodoQueries.list({ limit: LIST_PAGE, cursor }, { tenantId, withDeleted });
    pages.push(page.items.map((todo) => normalTodo(world, todo)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

/** Runs one step; returns what it returned, normalized (ids as refs, no timestamps). */
async function runStep(world: World, step: Step): Promise<unknown> {
  const tenantId = world.tenants[step.tenant]!;
  const scope = { tenantId };
  const userId = world.users[step.pick % USERS]!;
  const target = world.todoIds.length ? world.todoIds[step.pick % world.todoIds.length]! : undefined;
  const todo = (row: Todo | null) => (row ? normalTodo(world, row) : null);
  switch (step.op) {
    case 'todo.create':
      return todo(await TodoQueries.create({ userId, title: step.title, completed: step.flag }, scope));
    case 'todo.createAmbient':
      return todo(await withTenant(tenantId, () => TodoQueries.create({ userId, title: step.title })));
    case 'todo.createMany': {
      const inputs = TITLES.slice(0, 1 + (step.pick % 3)).map((title) => ({ userId, title, completed: step.flag }));
      return TodoQueries.createMany(inputs, scope);
    }
    case 'todo.update':
    case 'todo.softDelete':
    case 'todo.restore':
    case 'todo.delete':
    case 'todo.findById': {
      if (!target) return 'no target';
      if (step.op === 'todo.update')
        return todo(await TodoQueries.update(target, { title: step.title, completed: step.flag }, scope));
      if (step.op === 'todo.softDelete') return todo(await TodoQueries.softDelete(target, scope));
      if (step.op === 'todo.restore') return todo(await TodoQueries.restore(target, scope));
      if (step.op === 'todo.delete') return todo(await TodoQueries.delete(target, scope));
      return todo(await TodoQueries.findById(target, { ...scope, withDeleted: step.flag }));
    }
    case 'todo.list':
      return listAll(world, tenantId, step.flag);
    case 'todo.listAsCaller': {
      // Through RLS in the tenant's database: the first user is a member of every tenant (so RLS in a dedicated
      // database must know the membership), the second of none.
      const claims = step.flag ? { sub: userId, tenant_id: tenantId } : { sub: userId };
      const page = await withTenant(tenantId, () => withRls(claims, () => TodoQueries.list({ limit: 50 }, scope)));
      return page.items.map((row) => normalTodo(world, row));
    }
    case 'todo.transaction':
      // A transaction on the tenant's own database (the shared one for a shared tenant); it commits.
      return withTenant(tenantId, () =>
        withTransaction(async () => {
          const created = await TodoQueries.create({ userId, title: step.title });
          const updated = await TodoQueries.update(created.id, { completed: !step.flag }, scope);
          return [todo(created), todo(updated), (await TodoQueries.list({ limit: 1 }, scope)).items.length];
        }),
      );
    case 'todo.rolledBack': {
      // Rolled back: nothing of it may be seen afterwards, in either placement. (Its row gets no ref.)
      const error = await withTenant(tenantId, () =>
        withTransaction(async () => {
          await TodoQueries.create({ userId, title: `${step.title} (rolled back)` });
          await TenantActivityQueries.log({ actorUserId: userId, action: 'rolled.back' });
          throw new RolledBack();
        }),
      ).catch((e: unknown) => e);
      if (!(error instanceof RolledBack)) throw error;
      return 'rolled back';
    }
    case 'activity.log': {
      const entry = await TenantActivityQueries.log({ tenantId, actorUserId: userId, action: `step.${step.pick % 5}` });
      expect(entry, 'activity.log dropped its entry').not.toBeNull();
      return normalEntry(world, entry!);
    }
    case 'activity.list':
      return (await TenantActivityQueries.list({ limit: 50 }, scope)).items.map((e) => normalEntry(world, e));
  }
}

/** Runs the sequence in `world`; each step's outcome, normalized. */
async function runSequence(world: World, sequence: Step[]): Promise<unknown[]> {
  const outcomes: unknown[] = [];
  for (const step of sequence) {
    try {
      outcomes.push({ op: step.op, tenant: step.tenant, ok: await runStep(world, step) });
    } catch (error) {
      if (!(error instanceof DatabaseError) || !EXPECTED_ERROR_CODES.has(error.code)) throw error;
      outcomes.push({ op: step.op, tenant: step.tenant, error: error.code });
    }
  }
  return outcomes;
}

interface Stored {
  todos: unknown[];
  activity: unknown[];
}

/** What the database at `at` (null: the shared one) holds of each tenant, read with raw SQL, in creation order. */
async function storedAt(at: string | null, tenantIds: string[]): Promise<Map<string, Stored>> {
  const ids = sql.join(
    tenantIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const read = async (executor: Executor) => ({
    todos: await readRows<{ tenant_id: string; row: unknown }>(
      executor,
      sql`select tenant_id::text, jsonb_build_array(title, description, completed, deleted_at is not null) as row
          from todos where tenant_id in (${ids}) order by id`,
    ),
    activity: await readRows<{ tenant_id: string; row: unknown }>(
      executor,
      sql`select tenant_id::text, jsonb_build_array(action) as row
          from tenant_activity where tenant_id in (${ids}) order by id`,
    ),
  });
  const rows = at === null ? await read(db) : await useDatabaseAt(at, (handle) => read(handle.db));
  const stored = new Map(tenantIds.map((id): [string, Stored] => [id, { todos: [], activity: [] }]));
  for (const { tenant_id, row } of rows.todos) stored.get(tenant_id)!.todos.push(row);
  for (const { tenant_id, row } of rows.activity) stored.get(tenant_id)!.activity.push(row);
  return stored;
}

export interface MixedPlacementFigures {
  runs: number;
  steps: number;
  /** Dedicated PGlite directories (default 2); each hosts several tenants across the runs. */
  pgliteDatabases?: number;
  /** Dedicated databases on the test server, when the run has one (default 2). */
  serverDatabases?: number;
}

/** Registers the property with its figures; `pnpm test` runs a few runs, `pnpm test:properties` more. */
export function describeMixedPlacements(figures: MixedPlacementFigures): void {
  let databases: TestTenantDatabases;
  /** The dedicated databases, made once per file (seconds each) and shared by the runs' tenants. */
  const dedicated: string[] = [];

  describe('tenants in mixed placements (property)', () => {
    beforeAll(async () => {
      databases = useTestTenantDatabases(inject('testDatabase'));
      for (let i = 0; i < (figures.pgliteDatabases ?? 2); i++) dedicated.push(await databases.createDatabase('pglite'));
      if (databases.hasServer) {
        for (let i = 0; i < (figures.serverDatabases ?? 2); i++) {
          dedicated.push(await databases.createDatabase('server'));
        }
      }
      // Prepared before any tenant is placed, so every one can be read (createDatabase leaves a PGlite directory
      // empty on a server run).
      for (const url of dedicated) await useDatabaseAt(url, (handle) => prepareTenantDatabase(url, handle));
    });
    afterAll(async () => {
      await databases.close();
    });

    it(`${figures.runs} random sequences of ${figures.steps} calls by ${TENANTS} tenants placed at random return what they return all shared, and leave each tenant's rows in its own database only`, async () => {
      const users: string[] = [];
      for (let i = 0; i < USERS; i++) users.push((await factories.user.create()).id);
      const tally = { steps: 0, failures: 0, placed: 0, shared: 0 };

      // Placement of each tenant: 0 is the shared database, i the dedicated database i - 1.
      const placementsArb = fc.array(fc.nat({ max: dedicated.length }), { minLength: TENANTS, maxLength: TENANTS });
      const sequenceArb = fc.array(stepArb, { minLength: figures.steps, maxLength: figures.steps });

      await fc.assert(
        fc.asyncProperty(placementsArb, sequenceArb, async (placements, sequence) => {
          const world = async (placed: boolean): Promise<World> => {
            const tenants: string[] = [];
            for (let i = 0; i < TENANTS; i++) {
              const tenantId = (await factories.tenants.create()).id;
              await factories.tenantMembers.create({ tenantId, userId: users[0]!, role: 'owner' });
              if (placed && placements[i]! > 0) await databases.place(tenantId, dedicated[placements[i]! - 1]);
              tenants.push(tenantId);
            }
            return { tenants, users, refs: new Map(), todoIds: [] };
          };
          const placedWorld = await world(true);
          const sharedWorld = await world(false);

          const placedOutcomes = await runSequence(placedWorld, sequence);
          const sharedOutcomes = await runSequence(sharedWorld, sequence);
          expect(placedOutcomes).toEqual(sharedOutcomes);
          tally.steps += sequence.length;
          tally.failures += sharedOutcomes.filter((o) => 'error' in (o as object)).length;

          // Where the rows are: each placed tenant's only in its home database, equal to its shared twin's.
          const homes = [null, ...dedicated];
          const storedPlaced = await Promise.all(homes.map((at) => storedAt(at, placedWorld.tenants)));
          const storedShared = await storedAt(null, sharedWorld.tenants);
          placedWorld.tenants.forEach((tenantId, i) => {
            const twin = storedShared.get(sharedWorld.tenants[i]!)!;
            homes.forEach((at, h) => {
              const here = storedPlaced[h]!.get(tenantId)!;
              const home = h === placements[i];
              expect(here, `tenant ${i} (placement ${placements[i]}) in database ${h}`).toEqual(
                home ? twin : { todos: [], activity: [] },
              );
            });
            if (placements[i]! > 0) tally.placed++;
            else tally.shared++;
          });
        }),
        { numRuns: figures.runs },
      );
      console.log(
        `mixed placements: ${figures.runs} runs, ${tally.steps} steps (${tally.failures} not_found in both), ` +
          `${tally.placed} tenants placed on ${dedicated.length} dedicated databases, ${tally.shared} shared`,
      );
      expect(tally.steps).toBe(figures.runs * figures.steps);
      expect(tally.placed).toBeGreaterThan(0);
    }, 900_000);
  });
}
