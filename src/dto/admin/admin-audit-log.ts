import { z } from 'zod';
import {
  ADMIN_AUDIT_ACTION_MAX,
  ADMIN_AUDIT_SUBJECT_MAX,
  adminAuditLog,
  type AdminAuditMetadata,
} from '../../schema/tables/admin/admin-audit-log.js';
import { createInsertSchema, createSelectSchema, jsonColumn } from '../_zod.js';
import { jsonObject, optionalText, trimmedText, uuid } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

/** What an audit entry may carry besides its columns: a bounded JSON object. */
export const AdminAuditMetadataSchema = jsonObject();

const refine = {
  action: () => trimmedText(ADMIN_AUDIT_ACTION_MAX),
  subjectType: () => optionalText(ADMIN_AUDIT_SUBJECT_MAX),
  subjectId: () => optionalText(ADMIN_AUDIT_SUBJECT_MAX),
  metadata: () => AdminAuditMetadataSchema.optional(),
  ipAddress: () => z.union([z.ipv4(), z.ipv6()]).nullish(),
};

export const AdminAuditEntrySchema = createSelectSchema(adminAuditLog, {
  metadata: () => jsonColumn<AdminAuditMetadata>(),
});
export const InsertAdminAuditEntrySchema = createInsertSchema(adminAuditLog, refine);

/** An audit entry as the back office logs it; the log is append-only, so there is no update DTO. */
export const LogAdminActionSchema = InsertAdminAuditEntrySchema.pick({
  adminUserId: true,
  action: true,
  subjectType: true,
  subjectId: true,
  metadata: true,
  ipAddress: true,
}).strict();

export const AdminAuditLogFilterSchema = listFilter({
  adminUserId: uuid().optional(),
  subjectType: trimmedText(ADMIN_AUDIT_SUBJECT_MAX).optional(),
  subjectId: trimmedText(ADMIN_AUDIT_SUBJECT_MAX).optional(),
  action: trimmedText(ADMIN_AUDIT_ACTION_MAX).optional(),
}).refine((filter) => filter.subjectId === undefined || filter.subjectType !== undefined, {
  message: 'subjectId needs subjectType',
  path: ['subjectId'],
});

export type AdminAuditEntry = z.infer<typeof AdminAuditEntrySchema>;
export type LogAdminAction = z.input<typeof LogAdminActionSchema>;
export type AdminAuditLogFilter = z.input<typeof AdminAuditLogFilterSchema>;
