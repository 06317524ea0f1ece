import { z } from 'zod';
import {
  SYSTEM_SETTING_DESCRIPTION_MAX,
  systemSettings,
  type SystemSettingValue,
} from '../../schema/tables/system/system-setting.js';
import { createInsertSchema, createSelectSchema, jsonColumn } from '../_zod.js';
import { jsonObject, optionalText } from '../_fields.js';

export const SYSTEM_SETTING_KEY_PATTERN = /^[a-z][a-z0-9_]{0,99}$/;

/** The kinds of rows the prune job removes by age (see queries/system/prune.ts). */
export const RETENTION_KINDS = ['audit_events', 'invitations', 'domain_events'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export const RetentionPolicySchema = z.strictObject({
  enabled: z.boolean(),
  retention_days: z.number().int().positive().max(36_500),
});

/** The `retention_settings` value: one policy per kind, all required, no unknown kinds. */
export const RetentionSettingsSchema = z.strictObject({
  audit_events: RetentionPolicySchema,
  invitations: RetentionPolicySchema,
  domain_events: RetentionPolicySchema,
});

/**
 * Known setting keys and the schema of their value. A key not listed here accepts any bounded JSON object; add a
 * key here the day code reads it, so a bad value is refused on write instead of discovered on read.
 */
export const SYSTEM_SETTING_SCHEMAS = {
  retention_settings: RetentionSettingsSchema,
} as const;

export type KnownSystemSettingKey = keyof typeof SYSTEM_SETTING_SCHEMAS;
/** The value type of a key: its registered schema's, or a JSON object for unknown keys. */
export type SystemSettingValueOf<K extends string> = K extends KnownSystemSettingKey
  ? z.output<(typeof SYSTEM_SETTING_SCHEMAS)[K]>
  : Record<string, unknown>;

export function systemSettingValueSchema(key: string): z.ZodType<Record<string, unknown>> {
  return Object.hasOwn(SYSTEM_SETTING_SCHEMAS, key)
    ? SYSTEM_SETTING_SCHEMAS[key as KnownSystemSettingKey]
    : jsonObject();
}

export const SystemSettingKeySchema = z
  .string()
  .regex(SYSTEM_SETTING_KEY_PATTERN, 'snake_case, at most 100 characters');

export const SystemSettingSchema = createSelectSchema(systemSettings, {
  value: () => jsonColumn<SystemSettingValue>(),
});
export const InsertSystemSettingSchema = createInsertSchema(systemSettings, {
  key: () => SystemSettingKeySchema,
  value: () => jsonObject(),
  description: () => optionalText(SYSTEM_SETTING_DESCRIPTION_MAX),
});

/** Upsert input; `value` is checked again against the key's own schema (systemSettingValueSchema). */
export const UpsertSystemSettingSchema = InsertSystemSettingSchema.pick({ key: true, value: true, description: true })
  .strict()
  .superRefine((input, ctx) => {
    const result = systemSettingValueSchema(input.key).safeParse(input.value);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: ['value', ...issue.path] } as never);
    }
  });

export type SystemSetting = z.infer<typeof SystemSettingSchema>;
export type UpsertSystemSetting = z.input<typeof UpsertSystemSettingSchema>;
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;
