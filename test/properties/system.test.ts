import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  DomainEventFilterSchema,
  NewDomainEventSchema,
  UpsertSystemSettingSchema,
} from '../../src/dto/system/index.js';
import { withTransaction } from '../../src/client/executor.js';
import { DomainEventQueries } from '../../src/queries/system/domain-event.js';
import { SystemSettingQueries } from '../../src/queries/system/system-setting.js';
import { domainEvents } from '../../src/schema/tables/system/domain-event.js';
import { systemSettings } from '../../src/schema/tables/system/system-setting.js';
import {
  DB_RUNS,
  DTO_RUNS,
  assertDtoAccepts,
  assertDtoRefuses,
  assertLookupRefuses,
  assertMethodRefuses,
  assertRoundTrips,
  expectFieldsEqual,
  expectJsonObjects,
} from '../support/properties.js';
import { hostileInput, validInput } from './arbitraries/dto.js';
import { hostileCutoff, hostileKey } from './arbitraries/fields.js';
import * as arb from './arbitraries/system.js';

const dtos = [
  { name: 'NewDomainEventSchema', schema: NewDomainEventSchema, spec: arb.newDomainEvent(), valid: undefined },
  {
    name: 'DomainEventFilterSchema',
    schema: DomainEventFilterSchema,
    spec: arb.domainEventListFilter(),
    valid: arb.validDomainEventListFilter(),
  },
  { name: 'UpsertSystemSettingSchema', schema: UpsertSystemSettingSchema, spec: arb.upsertSetting(), valid: undefined },
];

describe('system DTOs', () => {
  it.each(dtos)('1,000 hostile inputs to $name → ValidationError with field paths', ({ name, schema, spec, valid }) => {
    expect(assertDtoRefuses(name, schema, hostileInput(spec, valid ?? validInput(spec)))).toBe(DTO_RUNS);
  });

  it.each(dtos)('1,000 valid inputs to $name parse', ({ name, schema, spec, valid }) => {
    expect(assertDtoAccepts(name, schema, valid ?? validInput(spec))).toBe(DTO_RUNS);
  });
});

describe('system queries', () => {
  it('50 hostile inputs to each of DomainEventQueries.insertDomainEventInTransaction / list → ValidationError, no row written', async () => {
    const calls = [
      await assertMethodRefuses(domainEvents, hostileInput(arb.newDomainEvent()), (input) =>
        withTransaction((tx) => DomainEventQueries.insertDomainEventInTransaction(tx, input as never)),
      ),
      await assertMethodRefuses(
        domainEvents,
        hostileInput(arb.domainEventListFilter(), arb.validDomainEventListFilter()).filter((c) => c.input != null),
        (filter) => DomainEventQueries.list({ filter: filter as never }),
      ),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS]);
  });

  it('50 valid events to DomainEventQueries.insertDomainEventInTransaction read back unchanged, payload a JSONB object', async () => {
    const inserted = await assertRoundTrips(validInput(arb.newDomainEvent()), async (input) => {
      const event = await withTransaction((tx) =>
        DomainEventQueries.insertDomainEventInTransaction(tx, input as never),
      );
      expectFieldsEqual(event, NewDomainEventSchema.parse(input));
      expect(await DomainEventQueries.getById(event.id)).toEqual(event);
      await expectJsonObjects(domainEvents, eq(domainEvents.id, event.id), ['payload']);
    });
    expect(inserted).toEqual({ runs: DB_RUNS, conflicts: 0 });
  });

  it('50 hostile settings to SystemSettingQueries.upsert → ValidationError, no row written', async () => {
    const calls = await assertMethodRefuses(
      systemSettings,
      hostileInput(arb.upsertSetting()).filter((c) => c.path !== '(root)'),
      (input) => {
        const { key, value, description } = input as { key: never; value: never; description: never };
        return SystemSettingQueries.upsert(key, value, description);
      },
    );
    expect(calls).toBe(DB_RUNS);
  });

  it('50 valid settings to SystemSettingQueries.upsert read back unchanged, value a JSONB object', async () => {
    const upserted = await assertRoundTrips(validInput(arb.upsertSetting()), async (input) => {
      const { key, value, description } = input as { key: string; value: never; description: never };
      const previous = await SystemSettingQueries.list().then((rows) => rows.find((row) => row.key === key));
      const setting = await SystemSettingQueries.upsert(key, value, description);
      const expected = UpsertSystemSettingSchema.parse(input);
      // description omitted (undefined) on an update keeps the stored one; an explicit null clears it
      const storedDescription =
        expected.description === undefined ? (previous?.description ?? null) : expected.description;
      expectFieldsEqual(setting, { ...expected, description: storedDescription });
      expect(await SystemSettingQueries.getOrThrow(key)).toEqual(setting);
      await expectJsonObjects(systemSettings, eq(systemSettings.key, key), ['value']);
    });
    expect(upserted).toEqual({ runs: DB_RUNS, conflicts: 0 });
  });
});

describe('system lookups', () => {
  it('50 hostile cutoffs to prunePublished, 50 hostile errors to markFailed, 50 hostile keys to getOrThrow → ValidationError', async () => {
    const event = await withTransaction((tx) =>
      DomainEventQueries.insertDomainEventInTransaction(tx, { aggregateType: 'a', aggregateId: '1', eventType: 'e' }),
    );
    const calls = [
      await assertLookupRefuses(hostileCutoff(), (cutoff) => DomainEventQueries.prunePublished(cutoff as never)),
      await assertLookupRefuses(hostileKey(), (error) => DomainEventQueries.markFailed(event.id, error as never)),
      await assertLookupRefuses(hostileKey(), (key) => SystemSettingQueries.getOrThrow(key as never)),
    ];
    expect(calls).toEqual([DB_RUNS, DB_RUNS, DB_RUNS]);
    expect((await DomainEventQueries.getById(event.id)).status).toBe('pending');
  });
});
