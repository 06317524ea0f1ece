export {
  DomainEventQueries,
  OutboxTransactionError,
  type ClaimOptions,
  type ListDomainEventsInput,
} from './domain-event.js';
export { PRUNE_TARGETS, prune, pruneAll, type PruneOptions, type PruneResult } from './prune.js';
export { SystemSettingQueries, type TypedSystemSetting } from './system-setting.js';
