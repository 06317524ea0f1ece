export {
  DomainEventQueries,
  OutboxTransactionError,
  type ClaimOptions,
  type ListDomainEventsInput,
} from './domain-event.ts';
export { PRUNE_TARGETS, prune, pruneAll, type PruneOptions, type PruneResult } from './prune.ts';
export { SystemSettingQueries, type TypedSystemSetting } from './system-setting.ts';
