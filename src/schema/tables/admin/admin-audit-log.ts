import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../_shared.js';
import { adminUsers } from './admin-user.js';

export const ADMIN_AUDIT_ACTION_MAX = 100;
export const ADMIN_AUDIT_SUBJECT_MAX = 200;

/** Free-form context of an audited action; shape checked by AdminAuditMetadataSchema in the DTO. */
export type AdminAuditMetadata = Record<string, unknown>;

/** Append-only record of what staff did; written by AdminAuditLogQueries.log, which never fails its caller. */
export const adminAuditLog = pgTable(
  'admin_audit_log',
  {
    id: id(),
    // set null: the log must outlive the admin account (an offboarded admin's actions stay on record).
    adminUserId: uuid('admin_user_id').references(() => adminUsers.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    metadata: jsonb('metadata').$type<AdminAuditMetadata>().notNull().default({}),
    ipAddress: text('ip_address'),
    createdAt: createdAt(),
  },
  (t) => [
    // Pruning by age, and the unfiltered newest-first list (scanned backwards).
    index('admin_audit_log_created_at_idx').on(t.createdAt, t.id),
    index('admin_audit_log_admin_user_created_idx').on(t.adminUserId, t.createdAt.desc(), t.id.desc()),
    index('admin_audit_log_subject_created_idx').on(t.subjectType, t.subjectId, t.createdAt.desc(), t.id.desc()),
    check(
      'admin_audit_log_action_length',
      sql`char_length(${t.action}) between 1 and ${sql.raw(String(ADMIN_AUDIT_ACTION_MAX))}`,
    ),
    check(
      'admin_audit_log_subject_length',
      sql.join(
        [t.subjectType, t.subjectId].map(
          (column) => sql`char_length(coalesce(${column}, '')) <= ${sql.raw(String(ADMIN_AUDIT_SUBJECT_MAX))}`,
        ),
        sql` and `,
      ),
    ),
    check('admin_audit_log_metadata_object', sql`jsonb_typeof(${t.metadata}) = 'object'`),
  ],
).enableRLS();
