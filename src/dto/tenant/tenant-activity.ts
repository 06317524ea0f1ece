import { type z } from 'zod';
import {
  TENANT_ACTIVITY_ACTION_MAX,
  TENANT_ACTIVITY_SUBJECT_ID_MAX,
  TENANT_ACTIVITY_SUBJECT_TYPE_MAX,
  tenantActivity,
  type TenantActivityMetadata,
} from '../../schema/tables/tenant/tenant-activity.js';
import { createInsertSchema, createSelectSchema, jsonColumn } from '../_zod.js';
import { jsonObject, optionalText, trimmedText, uuid } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

/** Shape of `tenant_activity.metadata`: a bounded JSON object of context (never secrets). */
export const TenantActivityMetadataSchema = jsonObject();

const refine = {
  action: () => trimmedText(TENANT_ACTIVITY_ACTION_MAX),
  subjectType: () => optionalText(TENANT_ACTIVITY_SUBJECT_TYPE_MAX),
  subjectId: () => optionalText(TENANT_ACTIVITY_SUBJECT_ID_MAX),
  // The column defaults to {}, but drizzle-zod types a refined column as required: say optional here.
  metadata: () => TenantActivityMetadataSchema.optional(),
};

export const TenantActivitySchema = createSelectSchema(tenantActivity, {
  metadata: () => jsonColumn<TenantActivityMetadata>(),
});
export const InsertTenantActivitySchema = createInsertSchema(tenantActivity, refine);

/** One activity entry; the tenant comes from scope. Entries are append-only: there is no update DTO. */
export const CreateTenantActivitySchema = InsertTenantActivitySchema.pick({
  actorUserId: true,
  action: true,
  subjectType: true,
  subjectId: true,
  metadata: true,
}).strict();

export const TenantActivityFilterSchema = listFilter({
  actorUserId: uuid().optional(),
  action: trimmedText(TENANT_ACTIVITY_ACTION_MAX).optional(),
  subjectType: trimmedText(TENANT_ACTIVITY_SUBJECT_TYPE_MAX).optional(),
  subjectId: trimmedText(TENANT_ACTIVITY_SUBJECT_ID_MAX).optional(),
});

export type TenantActivity = z.infer<typeof TenantActivitySchema>;
export type CreateTenantActivity = z.input<typeof CreateTenantActivitySchema>;
export type TenantActivityFilter = z.input<typeof TenantActivityFilterSchema>;
