import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { updatedAt } from '../../_shared.js';

export const SYSTEM_SETTING_KEY_MAX = 100;
export const SYSTEM_SETTING_DESCRIPTION_MAX = 1000;

/** A setting's value: always a JSON object; known keys are validated by their own Zod schema (dto/system). */
export type SystemSettingValue = Record<string, unknown>;

/** Platform-wide key/value settings, e.g. `retention_settings` (seeded by a migration). */
export const systemSettings = pgTable(
  'system_settings',
  {
    key: text('key').primaryKey(),
    value: jsonb('value').$type<SystemSettingValue>().notNull(),
    description: text('description'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('system_settings_key_format', sql`${t.key} ~ '^[a-z][a-z0-9_]{0,99}$'`),
    check('system_settings_value_object', sql`jsonb_typeof(${t.value}) = 'object'`),
    check(
      'system_settings_description_length',
      sql`${t.description} is null or char_length(${t.description}) <= ${sql.raw(String(SYSTEM_SETTING_DESCRIPTION_MAX))}`,
    ),
  ],
).enableRLS();
