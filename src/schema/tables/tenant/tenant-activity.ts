import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from '../../_tenant.js';
import { createdAt, id } from '../../_shared.js';
import { user } from '../auth/user.js';
import { tenantRowsPolicy } from '../../_rls.js';
import { tenantDataTable } from '../../_placement.js';

export const TENANT_ACTIVITY_ACTION_MAX = 100;
export const TENANT_ACTIVITY_SUBJECT_TYPE_MAX = 100;
export const TENANT_ACTIVITY_SUBJECT_ID_MAX = 200;

/** Free-form context of an activity entry; no query filters on it. Mirrors `TenantActivityMetadataSchema`. */
export type TenantActivityMetadata = Record<string, unknown>;

/**
 * Append-only activity feed of a tenant ("who did what to which thing"). No updated_at: rows never change.
 * Writing to it never fails the operation that logs (see TenantActivityQueries.log).
 */
export const tenantActivity = pgTable(
  'tenant_activity',
  {
    id: id(),
    tenantId: tenantId(),
    /** Kept when the actor's account goes: the history stays, anonymised. */
    actorUserId: uuid('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    /** Text, not uuid: subjects may live outside this database (a Stripe id, an email). */
    subjectId: text('subject_id'),
    metadata: jsonb('metadata').$type<TenantActivityMetadata>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('tenant_activity_tenant_created_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    index('tenant_activity_actor_user_id_idx').on(t.actorUserId),
    // Retention prune deletes by age across tenants.
    index('tenant_activity_created_at_idx').on(t.createdAt),
    check('tenant_activity_metadata_object', sql`jsonb_typeof(${t.metadata}) = 'object'`),
    check(
      'tenant_activity_action_length',
      sql`char_length(${t.action}) between 1 and ${sql.raw(String(TENANT_ACTIVITY_ACTION_MAX))}`,
    ),
    check(
      'tenant_activity_subject_length',
      sql`char_length(coalesce(${t.subjectType}, '')) <= ${sql.raw(String(TENANT_ACTIVITY_SUBJECT_TYPE_MAX))}
        and char_length(coalesce(${t.subjectId}, '')) <= ${sql.raw(String(TENANT_ACTIVITY_SUBJECT_ID_MAX))}`,
    ),
    tenantRowsPolicy(t.tenantId),
  ],
);

/** The feed may live in a tenant's own database; the actor (`actor_user_id`) stays in the control database. */
export const tenantActivityTenantData = tenantDataTable(tenantActivity, tenantActivity.tenantId, [
  tenantActivity.actorUserId,
]);
