import { count, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { expect, vi } from 'vitest';
import type { z } from 'zod';
import { db } from '../../src/client/db.js';
import { ConflictError, ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/queries/_lib/validate.js';
import type { HostileCase } from '../properties/arbitraries/dto.js';
import { CALLER_KEY_MARK } from '../properties/arbitraries/fields.js';

// Assertions shared by the property tests in test/properties/: what "refused" and "stored unchanged" mean.

/** DTO-level runs: pure parsing, so many. */
export const DTO_RUNS = 1_000;
/** Query-level runs: each one reaches the database (inside the test's rolled-back transaction), so fewer. */
export const DB_RUNS = 50;

/**
 * The error is a ValidationError whose issues name the field that was broken, and no text of it repeats a key the
 * caller chose (the hostile generators mark theirs with CALLER_KEY_MARK).
 */
export function expectValidationError(error: unknown, hostile: HostileCase): void {
  if (!(error instanceof ValidationError)) {
    throw new Error(`${hostile.how}: expected a ValidationError, got ${String(error)}`, { cause: error });
  }
  expect(error.issues.length).toBeGreaterThan(0);
  const named = error.issues.some((issue) => issue.path === hostile.path || issue.path.startsWith(`${hostile.path}.`));
  if (!named) {
    throw new Error(`${hostile.how}: issues name ${error.fields.join(', ')}, not ${hostile.path}`);
  }
  for (const text of [error.message, String(error), JSON.stringify(error.issues)]) {
    if (text.includes(CALLER_KEY_MARK)) throw new Error(`${hostile.how}: a caller's key is in the error: ${text}`);
  }
}

/** Runs `runs` hostile cases through the DTO; returns how many were checked. */
export function assertDtoRefuses(
  entity: string,
  schema: z.ZodType,
  hostile: fc.Arbitrary<HostileCase>,
  runs = DTO_RUNS,
): number {
  let checked = 0;
  fc.assert(
    fc.property(hostile, (hostileCase) => {
      checked++;
      let error: unknown;
      try {
        parseInput(entity, schema, hostileCase.input);
      } catch (caught) {
        error = caught;
      }
      if (error === undefined) throw new Error(`${hostileCase.how}: accepted`);
      expectValidationError(error, hostileCase);
    }),
    { numRuns: runs },
  );
  return checked;
}

/** Runs `runs` valid inputs through the DTO: each parses. */
export function assertDtoAccepts(entity: string, schema: z.ZodType, valid: fc.Arbitrary<unknown>, runs = DTO_RUNS) {
  let checked = 0;
  fc.assert(
    fc.property(valid, (input) => {
      checked++;
      parseInput(entity, schema, input);
    }),
    { numRuns: runs },
  );
  return checked;
}

export async function rowCount(table: PgTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return row!.n;
}

/**
 * Calls a query method with `runs` hostile inputs: each rejects with a ValidationError naming the field, and the
 * table gains no row. Returns how many calls were made.
 */
export async function assertMethodRefuses(
  table: PgTable,
  hostile: fc.Arbitrary<HostileCase>,
  call: (input: unknown) => Promise<unknown>,
  runs = DB_RUNS,
): Promise<number> {
  const before = await rowCount(table);
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(hostile, async (hostileCase) => {
      checked++;
      const error = await call(hostileCase.input).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      if (error === undefined) throw new Error(`${hostileCase.how}: accepted`);
      expectValidationError(error, hostileCase);
    }),
    { numRuns: runs },
  );
  expect(await rowCount(table)).toBe(before);
  return checked;
}

/** Dates as instants, JSON as its JSON text's value (jsonb keeps no key order and no -0): what "unchanged" means. */
export function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return JSON.parse(JSON.stringify(value)) as unknown;
  return value;
}

/** Every field of `expected` (a DTO's output) reads back from the row equal. */
export function expectFieldsEqual(row: Record<string, unknown>, expected: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(expected)) {
    if (value === undefined) continue;
    expect(comparable(row[field]), field).toEqual(comparable(value));
  }
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The stored row, read with raw SQL (no Drizzle mapping): JSONB columns must hold objects, not encoded strings. */
export async function expectJsonObjects(table: PgTable, where: SQL, columns: string[]): Promise<void> {
  for (const column of columns) {
    const result = await db.execute(
      sql`select jsonb_typeof(${sql.identifier(column)}) as kind from ${table} where ${where}`,
    );
    expect(
      rowsOf<{ kind: string }>(result).map((row) => row.kind),
      column,
    ).toEqual(['object']);
  }
}

/** Runs `check` on `runs` generated values (each reaching the database); returns how many ran. */
export async function assertHolds<T>(
  values: fc.Arbitrary<T>,
  check: (value: T) => Promise<void>,
  runs = DB_RUNS,
): Promise<number> {
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(values, async (value) => {
      checked++;
      await check(value);
    }),
    { numRuns: runs },
  );
  return checked;
}

/**
 * The most a round-trip property's runs may end in a ConflictError (a generated duplicate of a unique value): above
 * it, too few inputs were really written and read back. The text generators favour short values, so duplicates are
 * common; the worst suite at the fixed seed (subscriptions create) conflicts 9 times in 50.
 */
export const MAX_CONFLICT_SHARE = 0.3;

/**
 * Runs `runs` valid inputs through `check` (write, read back, compare). A ConflictError (a generated duplicate of a
 * unique value) is an accepted outcome, but at most `maxConflictShare` of the runs may end in one: the rest, at least
 * `runs × (1 − maxConflictShare)`, are checked. Returns the runs made and how many of them conflicted.
 */
export async function assertRoundTrips<T>(
  valid: fc.Arbitrary<T>,
  check: (input: T) => Promise<void>,
  runs = DB_RUNS,
  maxConflictShare = MAX_CONFLICT_SHARE,
): Promise<{ runs: number; conflicts: number }> {
  const result = { runs: 0, conflicts: 0 };
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(valid, async (input) => {
      result.runs++;
      try {
        await check(input);
        checked++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        result.conflicts++;
      }
    }),
    { numRuns: runs },
  );
  expect(result.runs, 'round-trip runs made').toBe(runs);
  const leastChecked = Math.ceil(runs * (1 - maxConflictShare));
  expect(
    checked,
    `round trips checked: ${result.conflicts} of ${runs} runs were ConflictErrors, more than ${maxConflictShare * 100}%`,
  ).toBeGreaterThanOrEqual(leastChecked);
  return result;
}

/**
 * For the never-throwing loggers (tenant activity, admin audit): each of `runs` hostile entries returns null, is
 * reported on console.error as a ValidationError, and writes no row. The field paths are checked at the DTO level.
 */
export async function assertLoggerDrops(
  table: PgTable,
  hostile: fc.Arbitrary<HostileCase>,
  log: (input: unknown) => Promise<unknown>,
  runs = DB_RUNS,
): Promise<number> {
  const before = await rowCount(table);
  const reported: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((message: unknown) => {
    reported.push(String(message));
  });
  let checked = 0;
  try {
    await fc.assert(
      fc.asyncProperty(hostile, async (hostileCase) => {
        checked++;
        const logged = reported.length;
        expect(await log(hostileCase.input), hostileCase.how).toBeNull();
        expect(reported.slice(logged), hostileCase.how).toEqual([expect.stringContaining('ValidationError')]);
        expect(reported.slice(logged).join(''), hostileCase.how).not.toContain(CALLER_KEY_MARK);
      }),
      { numRuns: runs },
    );
  } finally {
    spy.mockRestore();
  }
  expect(await rowCount(table)).toBe(before);
  return checked;
}

/** Calls a lookup (a key, a cutoff) with `runs` hostile values: each rejects with a ValidationError, before any SQL. */
export async function assertLookupRefuses(
  hostile: fc.Arbitrary<unknown>,
  call: (value: unknown) => Promise<unknown>,
  runs = DB_RUNS,
): Promise<number> {
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(hostile, async (value) => {
      checked++;
      const error = await call(value).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      if (!(error instanceof ValidationError)) {
        throw new Error(`expected a ValidationError, got ${String(error)}`, { cause: error });
      }
    }),
    { numRuns: runs },
  );
  return checked;
}
