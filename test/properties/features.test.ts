import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import {
  CreateTodoSchema,
  CreateUserActivityDailySchema,
  CreateWaitlistEntrySchema,
  TodoFilterSchema,
  UpdateTodoSchema,
  UpdateUserActivityDailySchema,
  UpdateWaitlistEntrySchema,
  UserActivityRangeSchema,
  WaitlistFilterSchema,
} from '../../src/dto/features/index.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { UserActivityDailyQueries } from '../../src/queries/features/user-activity-daily.js';
import { WaitlistQueries } from '../../src/queries/features/waitlist.js';
import { todos } from '../../src/schema/tables/features/todo.js';
import { userActivityDaily } from '../../src/schema/tables/features/user-activity-daily.js';
import { waitlist } from '../../src/schema/tables/features/waitlist.js';
import {
  DB_RUNS,
  DTO_RUNS,
  assertDtoAccepts,
  assertDtoRefuses,
  assertMethodRefuses,
  expectFieldsEqual,
} from '../support/properties.js';
import * as arb from './arbitraries/features.js';
import { hostileInput, validInput, type HostileCase } from './arbitraries/dto.js';
import { factories } from '../../src/testing/index.js';

const dtos = [
  { name: 'CreateTodoSchema', schema: CreateTodoSchema, spec: arb.createTodo() },
  { name: 'UpdateTodoSchema', schema: UpdateTodoSchema, spec: arb.updateTodo() },
  { name: 'TodoFilterSchema', schema: TodoFilterSchema, spec: arb.todoListFilter() },
  { name: 'CreateWaitlistEntrySchema', schema: CreateWaitlistEntrySchema, spec: arb.createWaitlist() },
  { name: 'UpdateWaitlistEntrySchema', schema: UpdateWaitlistEntrySchema, spec: arb.updateWaitlist() },
  { name: 'WaitlistFilterSchema', schema: WaitlistFilterSchema, spec: arb.waitlistListFilter() },
  { name: 'CreateUserActivityDailySchema', schema: CreateUserActivityDailySchema, spec: arb.incrementActivity() },
  { name: 'UpdateUserActivityDailySchema', schema: UpdateUserActivityDailySchema, spec: arb.updateActivity() },
];

describe('features DTOs', () => {
  it.each(dtos)('1,000 hostile inputs to $name → ValidationError with field paths', ({ name, schema, spec }) => {
    expect(assertDtoRefuses(name, schema, hostileInput(spec))).toBe(DTO_RUNS);
  });

  it.each(dtos)('1,000 valid inputs to $name parse', ({ name, schema, spec }) => {
    expect(assertDtoAccepts(name, schema, validInput(spec))).toBe(DTO_RUNS);
  });

  it('1,000 hostile and 1,000 valid ranges to UserActivityRangeSchema', () => {
    const valid = arb.activityRange();
    expect(
      assertDtoRefuses(
        'UserActivityRangeSchema',
        UserActivityRangeSchema,
        hostileInput(arb.activityRangeSpec(), valid),
      ),
    ).toBe(DTO_RUNS);
    expect(assertDtoAccepts('UserActivityRangeSchema', UserActivityRangeSchema, valid)).toBe(DTO_RUNS);
  });
});

describe('features queries', () => {
  let tenantId: string;
  let userId: string;

  beforeEach(async () => {
    tenantId = (await factories.tenants.create()).id;
    userId = (await factories.user.create()).id;
  });

  it('50 hostile inputs to each of TodoQueries.create / update / list → ValidationError, no row written', async () => {
    const todo = await TodoQueries.create({ userId, title: 'target' }, { tenantId });
    const calls = [
      await assertMethodRefuses(todos, hostileInput(arb.createTodo(userId)), (input) =>
        TodoQueries.create(input as never, { tenantId }),
      ),
      await assertMethodRefuses(todos, hostileInput(arb.updateTodo()), (input) =>
        TodoQueries.update(todo.id, input as never, { tenantId }),
      ),
      await assertMethodRefuses(todos, nonNullFilters(arb.todoListFilter()), (filter) =>
        TodoQueries.list({ filter: filter as never }, { tenantId }),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
    expect(await TodoQueries.getById(todo.id, { tenantId })).toMatchObject({ title: 'target', description: null });
  });

  it('50 valid inputs to TodoQueries.create and update read back unchanged', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(validInput(arb.createTodo(userId)), validInput(arb.updateTodo()), async (create, update) => {
        runs++;
        const created = await TodoQueries.create(create as never, { tenantId });
        expectFieldsEqual(created, CreateTodoSchema.parse(create));
        expectFieldsEqual(
          (await TodoQueries.getById(created.id, { tenantId })) as never,
          CreateTodoSchema.parse(create),
        );
        const updated = await TodoQueries.update(created.id, update as never, { tenantId });
        const [stored] = await db.select().from(todos).where(eq(todos.id, created.id));
        expectFieldsEqual(stored!, UpdateTodoSchema.parse(update));
        expect(updated).toEqual(stored);
      }),
      { numRuns: DB_RUNS },
    );
    expect(runs).toBe(DB_RUNS);
  });

  it('50 hostile inputs to WaitlistQueries.join / list → ValidationError, no row written', async () => {
    const calls = [
      await assertMethodRefuses(waitlist, hostileInput(arb.createWaitlist()), (input) =>
        WaitlistQueries.join(input as never),
      ),
      await assertMethodRefuses(waitlist, nonNullFilters(arb.waitlistListFilter()), (filter) =>
        WaitlistQueries.list({ filter: filter as never }),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS]);
  });

  it('50 valid inputs to WaitlistQueries.join read back unchanged (a repeated email returns the first entry)', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(validInput(arb.createWaitlist()), async (input) => {
        runs++;
        const expected = CreateWaitlistEntrySchema.parse(input);
        const existing = await WaitlistQueries.findByEmail(expected.email);
        const entry = await WaitlistQueries.join(input as never);
        expectFieldsEqual(entry, existing ?? expected);
        expect(await WaitlistQueries.findByEmail(expected.email)).toEqual(entry);
      }),
      { numRuns: DB_RUNS },
    );
    expect(runs).toBe(DB_RUNS);
  });

  it('50 hostile inputs to UserActivityDailyQueries.increment / forUser → ValidationError, no row written', async () => {
    const increment = await assertMethodRefuses(
      userActivityDaily,
      positional(hostileInput(arb.incrementActivity(userId, tenantId))),
      (input) => {
        const {
          userId: user,
          tenantId: tenant,
          day,
          n,
        } = input as { [F in 'userId' | 'tenantId' | 'day' | 'n']: never };
        return UserActivityDailyQueries.increment(user, tenant, day, n);
      },
    );
    const range = await assertMethodRefuses(
      userActivityDaily,
      positional(hostileInput(arb.activityRangeSpec(), arb.activityRange())),
      (input) => {
        const { from, to } = input as { from: never; to: never };
        return UserActivityDailyQueries.forUser(userId, from, to);
      },
    );
    expect([increment, range]).toEqual([DB_RUNS, DB_RUNS]);
  });

  it('50 valid increments read back as the sum, on the given day', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(validInput(arb.incrementActivity(userId, tenantId)), async (input) => {
        runs++;
        const { day, n } = CreateUserActivityDailySchema.parse(input);
        const [before] = await UserActivityDailyQueries.forUser(userId, day, day);
        const count = await UserActivityDailyQueries.increment(userId, tenantId, input.day as string, n);
        expect(count).toBe((before?.eventCount ?? 0) + n);
        const [after] = await UserActivityDailyQueries.forUser(userId, day, day);
        expect(after).toMatchObject({ userId, tenantId, day, eventCount: count });
      }),
      { numRuns: DB_RUNS },
    );
    expect(runs).toBe(DB_RUNS);
  });
});

/** Methods taking positional arguments: an extra key or a non-object cannot reach them. */
function positional(hostile: fc.Arbitrary<HostileCase>) {
  return hostile.filter((c) => c.path !== '(root)');
}

/** List filters: `undefined` means "no filter", so only non-null hostile filters are hostile there. */
function nonNullFilters(spec: Parameters<typeof hostileInput>[0]) {
  return hostileInput(spec).filter((c) => c.input !== undefined && c.input !== null);
}
