import type { Executor } from '../../client/types.js';
import { currentExecutor } from '../../client/executor.js';

// Factories: `build` makes a valid input without touching the database; `create` inserts it (making any parent rows
// it needs) on the current executor and returns the row. Values come from one seeded generator, so a seed replays
// the same data, and a per-process sequence keeps unique fields unique across calls.

export interface Factory<Input, Row> {
  build(overrides?: Partial<Input>): Input;
  buildMany(count: number, overrides?: Partial<Input>): Input[];
  create(overrides?: Partial<Input>): Promise<Row>;
  createMany(count: number, overrides?: Partial<Input>): Promise<Row[]>;
}

let state = { seed: 1, sequence: 0, random: mulberry32(1) };

/** Restart every factory from `seed`: the same seed and calls give the same values. */
export function seedFactories(seed: number): void {
  state = { seed, sequence: 0, random: mulberry32(seed) };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sequence = () => ++state.sequence;
const pick = <T>(values: readonly T[]): T => values[Math.floor(state.random() * values.length)]!;
const word = (): string => pick(WORDS);

/** The generator a factory's `build` draws from. */
export const fake = {
  /** 1, 2, 3, ... across all factories since the last `seedFactories`. */
  sequence,
  int: (min: number, max: number) => min + Math.floor(state.random() * (max - min + 1)),
  pick,
  bool: (chance = 0.5) => state.random() < chance,
  /** A real (version 4, RFC 9562) UUID drawn from the seeded generator. */
  uuid(): string {
    const bytes = Array.from({ length: 16 }, () => Math.floor(state.random() * 256));
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  },
  word,
  words: (count: number) => Array.from({ length: count }, word).join(' '),
  name: () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
  /** Unique per call: the sequence is part of it. */
  email: (prefix: string = pick(FIRST_NAMES).toLowerCase()) => `${prefix}.${state.seed}.${sequence()}@example.com`,
  slug: (base: string = word()) => `${base}-${state.seed}-${sequence()}`,
  token: () => Array.from({ length: 32 }, () => Math.floor(state.random() * 36).toString(36)).join(''),
  /** A date `days` days around a fixed epoch, so seeded runs do not depend on the clock. */
  date: (days = 0) => new Date(Date.UTC(2026, 0, 1) + days * 86_400_000),
};

/** Dates relative to now, for rows whose constraints compare with `now()` (expiries). */
export const fromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

/** Parent makers run in declaration order and see the input so far, so a later parent can match an earlier one. */
type Parents<Input> = { [K in keyof Input]?: (input: Input) => Promise<Input[K]> };

export function defineFactory<Input extends object, Row>(spec: {
  /** A valid input; parent ids are random (real) UUIDs here, replaced by real parents in `create`. */
  build: () => Input;
  /** How `create` makes each parent the caller did not pass (e.g. `tenantId: async () => (await tenantFactory.create()).id`). */
  parents?: Parents<Input>;
  insert: (db: Executor, input: Input) => Promise<Row>;
}): Factory<Input, Row> {
  const build = (overrides: Partial<Input> = {}): Input => ({ ...spec.build(), ...overrides });
  const create = async (overrides: Partial<Input> = {}): Promise<Row> => {
    const input = build(overrides);
    for (const [key, makeParent] of Object.entries(spec.parents ?? {}) as [
      keyof Input,
      (input: Input) => Promise<unknown>,
    ][]) {
      if (!(key in overrides)) input[key] = (await makeParent(input)) as Input[keyof Input];
    }
    return spec.insert(currentExecutor(), input);
  };
  return {
    build,
    buildMany: (count, overrides) => Array.from({ length: count }, () => build(overrides)),
    create,
    async createMany(count, overrides) {
      const rows: Row[] = [];
      for (let i = 0; i < count; i++) rows.push(await create(overrides));
      return rows;
    },
  };
}

const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Margaret',
  'Ken',
  'Frances',
  'Linus',
] as const;
const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Hamilton',
  'Thompson',
  'Allen',
] as const;
const WORDS = [
  'alpha',
  'bravo',
  'cobalt',
  'delta',
  'ember',
  'fjord',
  'garnet',
  'harbor',
  'indigo',
  'juniper',
  'kepler',
  'lumen',
] as const;
