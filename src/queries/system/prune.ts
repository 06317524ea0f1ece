import { z } from 'zod';
import { RETENTION_KINDS, type RetentionKind } from '../../dto/system/system-setting.js';
import { ValidationError } from '../../errors/classes.js';
import { AdminAuditLogQueries } from '../admin/admin-audit-log.js';
import { TenantActivityQueries } from '../tenant/tenant-activity.js';
import { TenantInviteQueries } from '../tenant/tenant-invite.js';
import { DomainEventQueries } from './domain-event.js';
import { SystemSettingQueries } from './system-setting.js';

/** A table a kind prunes: deletes its rows older than the cutoff, returns how many. */
interface PruneTarget {
  table: string;
  prune(olderThan: Date): Promise<number>;
}

/** What each retention kind deletes. A new table with a retention rule adds one line here. */
export const PRUNE_TARGETS: Record<RetentionKind, readonly PruneTarget[]> = {
  audit_events: [
    { table: 'admin_audit_log', prune: (olderThan) => AdminAuditLogQueries.pruneAuditEvents(olderThan) },
    { table: 'tenant_activity', prune: (olderThan) => TenantActivityQueries.pruneOlderThan(olderThan) },
  ],
  invitations: [{ table: 'tenant_invites', prune: (olderThan) => TenantInviteQueries.pruneTerminal(olderThan) }],
  domain_events: [{ table: 'domain_events', prune: (olderThan) => DomainEventQueries.prunePublished(olderThan) }],
};

export interface PruneResult {
  kind: RetentionKind;
  /** Why nothing ran: the kind is disabled, or retention_settings has no valid policy for it. */
  skipped?: 'disabled' | 'not_configured';
  /** Rows strictly older than this were deleted. */
  cutoff?: Date;
  /** Rows deleted per table. */
  deleted: Record<string, number>;
}

export interface PruneOptions {
  /** The clock the cutoff is computed from (default: now). */
  now?: Date;
}

const DAY_MS = 86_400_000;

/** Deletes the rows of `kind` older than its retention in system_settings.retention_settings. */
export async function prune(kind: RetentionKind, options: PruneOptions = {}): Promise<PruneResult> {
  const parsed = z.enum(RETENTION_KINDS).safeParse(kind);
  if (!parsed.success) throw new ValidationError('Prune', parsed.error);
  const policy = (await SystemSettingQueries.getRetentionSettings())[kind];
  if (!policy) return { kind, skipped: 'not_configured', deleted: {} };
  if (!policy.enabled) return { kind, skipped: 'disabled', deleted: {} };
  const cutoff = new Date((options.now ?? new Date()).getTime() - policy.retention_days * DAY_MS);
  const deleted: Record<string, number> = {};
  for (const target of PRUNE_TARGETS[kind]) deleted[target.table] = await target.prune(cutoff);
  return { kind, cutoff, deleted };
}

/** Every kind in turn (what `pnpm db:prune` runs). */
export async function pruneAll(options: PruneOptions = {}): Promise<PruneResult[]> {
  const results: PruneResult[] = [];
  for (const kind of RETENTION_KINDS) results.push(await prune(kind, options));
  return results;
}
