import { type z } from 'zod';
import { TENANT_NAME_MAX, tenants, type TenantCustomAttributes } from '../../schema/tables/tenant/tenant.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema, jsonColumn } from '../_zod.js';
import { jsonObject, slug, trimmedText } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

/** Shape of `tenants.custom_attributes`: a bounded JSON object (free-form; no query filters on it). */
export const TenantCustomAttributesSchema = jsonObject();

const refine = {
  name: () => trimmedText(TENANT_NAME_MAX),
  slug: () => slug(),
  customAttributes: () => TenantCustomAttributesSchema,
};

export const TenantSchema = createSelectSchema(tenants, {
  customAttributes: () => jsonColumn<TenantCustomAttributes>(),
});
// The column has a default, but drizzle-zod types a refined column as required: say optional here.
export const InsertTenantSchema = createInsertSchema(tenants, {
  ...refine,
  customAttributes: () => TenantCustomAttributesSchema.optional(),
});
const UpdateTenantRowSchema = createUpdateSchema(tenants, refine);

/** What a caller may set when creating a tenant; the owner is a separate argument of `createWithOwner`. */
export const CreateTenantSchema = InsertTenantSchema.pick({ name: true, slug: true, customAttributes: true }).strict();

export const UpdateTenantSchema = UpdateTenantRowSchema.pick({
  name: true,
  slug: true,
  customAttributes: true,
}).strict();

export const TenantFilterSchema = listFilter({
  /** Case-insensitive substring of the name. */
  nameContains: trimmedText(TENANT_NAME_MAX).optional(),
});

export type Tenant = z.infer<typeof TenantSchema>;
export type CreateTenant = z.input<typeof CreateTenantSchema>;
export type UpdateTenant = z.input<typeof UpdateTenantSchema>;
export type TenantFilter = z.input<typeof TenantFilterSchema>;
