import fc from 'fast-check';
import { SYSTEM_SETTING_DESCRIPTION_MAX } from '../../../src/schema/tables/system/system-setting.js';
import { DOMAIN_EVENT_NAME_MAX, DOMAIN_EVENT_STATUSES } from '../../../src/schema/tables/system/domain-event.js';
import { validInput, type DtoSpec } from './dto.js';
import { jsonObject, oneOf, pattern, text } from './fields.js';

const optionalAll = (spec: DtoSpec): DtoSpec =>
  Object.fromEntries(Object.entries(spec).map(([name, field]) => [name, { ...field, optional: true }]));

export const newDomainEvent = (): DtoSpec => ({
  aggregateType: text(1, DOMAIN_EVENT_NAME_MAX),
  aggregateId: text(1, DOMAIN_EVENT_NAME_MAX),
  eventType: text(1, DOMAIN_EVENT_NAME_MAX),
  payload: jsonObject({ optional: true }),
  correlationId: text(0, DOMAIN_EVENT_NAME_MAX, { nullable: true }),
});

export const domainEventListFilter = (): DtoSpec => ({
  ...optionalAll({ aggregateType: text(1, DOMAIN_EVENT_NAME_MAX), aggregateId: text(1, DOMAIN_EVENT_NAME_MAX) }),
  status: oneOf(DOMAIN_EVENT_STATUSES, { optional: true }),
});

/** aggregateId only with aggregateType (the filter's rule). */
export const validDomainEventListFilter = () =>
  validInput(domainEventListFilter()).filter(
    (filter) => filter.aggregateId === undefined || filter.aggregateType !== undefined,
  );

/** Keys other than the known ones (retention_settings has its own schema), so any JSON object is a valid value. */
const settingKey = () => fc.stringMatching(/^[a-z][a-z0-9_]{0,99}$/).filter((key) => key !== 'retention_settings');

export const upsertSetting = (): DtoSpec => ({
  key: pattern(settingKey(), { max: 100 }),
  value: jsonObject(),
  description: text(0, SYSTEM_SETTING_DESCRIPTION_MAX, { nullable: true }),
});
