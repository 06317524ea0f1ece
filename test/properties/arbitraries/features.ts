import fc from 'fast-check';
import { TODO_DESCRIPTION_MAX, TODO_TITLE_MAX } from '../../../src/schema/tables/features/todo.js';
import {
  WAITLIST_REFERRER_MAX,
  WAITLIST_SOURCE_MAX,
  WAITLIST_STATUSES,
} from '../../../src/schema/tables/features/waitlist.js';
import type { DtoSpec } from './dto.js';
import { bool, int, oneOf, pattern, text, timestamp, uuid, type FieldSpec } from './fields.js';
import { emailAddress } from './formats.js';

const id = (value?: string) => uuid(value === undefined ? {} : { valid: fc.constant(value) });

export const createTodo = (userId?: string): DtoSpec => ({
  userId: id(userId),
  title: text(1, TODO_TITLE_MAX),
  description: text(0, TODO_DESCRIPTION_MAX, { nullable: true }),
  completed: bool({ optional: true }),
  dueAt: timestamp({ nullable: true }),
});

export const updateTodo = (): DtoSpec => {
  const { userId: _owner, ...fields } = createTodo();
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, { ...field, optional: true }]));
};

export const todoListFilter = (): DtoSpec => ({
  userId: uuid({ optional: true }),
  completed: bool({ optional: true }),
  dueBefore: timestamp({ optional: true }),
});

export const createWaitlist = (): DtoSpec => ({
  email: pattern(emailAddress(), { max: 254 }),
  source: text(0, WAITLIST_SOURCE_MAX, { nullable: true }),
  referrer: text(0, WAITLIST_REFERRER_MAX, { nullable: true }),
});

export const updateWaitlist = (): DtoSpec => {
  const { email: _identity, ...fields } = createWaitlist();
  return fields;
};

export const waitlistListFilter = (): DtoSpec => ({ status: oneOf(WAITLIST_STATUSES, { optional: true }) });

/** 'YYYY-MM-DD' days the counters take: four-digit years. */
const dayValue = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const day = (): FieldSpec => ({
  valid: dayValue,
  hostile: fc.constantFrom(
    '0000-01-01',
    '0999-12-31',
    '2026-02-30',
    '2026-13-01',
    '26-01-01',
    '2026-01-01T00:00:00Z',
    '2026-01-01\u0000',
    "2026-01-01'; --",
    '',
    20260101,
    null,
    true,
    new Date(Number.NaN),
    new Date('+010000-01-01T00:00:00Z'),
    new Date('0050-01-01T00:00:00Z'),
  ),
});

export const incrementActivity = (userId?: string, tenantId?: string): DtoSpec => ({
  userId: id(userId),
  tenantId: tenantId === undefined ? uuid({ nullable: true, optional: false }) : id(tenantId),
  day: day(),
  n: int(1, 1_000_000, { optional: true }),
});

export const updateActivity = (): DtoSpec => ({ eventCount: int(0, 2_147_483_647, { optional: true }) });

/** An inclusive range of at most 366 days. */
export const activityRange = () =>
  fc
    .tuple(
      dayValue.filter((value) => value <= '9998-12-31'),
      fc.integer({ min: 0, max: 365 }),
    )
    .map(([from, length]) => ({
      from,
      to: new Date(Date.parse(from) + length * 86_400_000).toISOString().slice(0, 10),
    }));

export const activityRangeSpec = (): DtoSpec => ({ from: day(), to: day() });
