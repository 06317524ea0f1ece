export { domainEventSequences } from './domain-event-sequence.js';
export {
  DOMAIN_EVENT_ERROR_MAX,
  DOMAIN_EVENT_NAME_MAX,
  DOMAIN_EVENT_STATUSES,
  domainEventStatus,
  domainEvents,
  type DomainEventPayload,
  type DomainEventStatus,
} from './domain-event.js';
export {
  SYSTEM_SETTING_DESCRIPTION_MAX,
  SYSTEM_SETTING_KEY_MAX,
  systemSettings,
  type SystemSettingValue,
} from './system-setting.js';
