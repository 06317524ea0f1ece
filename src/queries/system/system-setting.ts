import { asc, eq, sql } from 'drizzle-orm';
import {
  RetentionSettingsSchema,
  SystemSettingKeySchema,
  UpsertSystemSettingSchema,
  type RetentionSettings,
  type SystemSetting,
  type SystemSettingValueOf,
} from '../../dto/system/system-setting.js';
import { systemSettings } from '../../schema/tables/system/system-setting.js';
import { orNotFound } from '../_lib/not-found.js';
import { read, write } from '../_lib/run.js';
import { parseInput } from '../_lib/validate.js';

const ENTITY = 'SystemSetting';
const RETENTION_KEY = 'retention_settings';

/** A setting whose value has its key's type (see SYSTEM_SETTING_SCHEMAS). */
export type TypedSystemSetting<K extends string> = Omit<SystemSetting, 'key' | 'value'> & {
  key: K;
  value: SystemSettingValueOf<K>;
};

// On read, unknown kinds (written by a newer version) are dropped rather than making the whole value unusable.
const RetentionSettingsOnRead = RetentionSettingsSchema.strip();

function parseKey(key: unknown): string {
  return parseInput(ENTITY, SystemSettingKeySchema, key);
}

async function get<K extends string>(key: K): Promise<TypedSystemSetting<K> | null> {
  const settingKey = parseKey(key);
  const rows = await read((db) => db.select().from(systemSettings).where(eq(systemSettings.key, settingKey)).limit(1));
  return (rows[0] as TypedSystemSetting<K> | undefined) ?? null;
}

/**
 * Platform-wide settings keyed by name. Known keys (retention_settings, ...) are validated by their own schema on
 * write; a value stored by other means is re-checked where it is read (see getRetentionSettings).
 */
export const SystemSettingQueries = {
  get,

  async getOrThrow<K extends string>(key: K): Promise<TypedSystemSetting<K>> {
    return orNotFound(await get(key), ENTITY, `key=${key}`);
  },

  /** Every setting, by key. A handful of rows, so no pagination. */
  async list(): Promise<SystemSetting[]> {
    return read((db) => db.select().from(systemSettings).orderBy(asc(systemSettings.key)));
  },

  /**
   * Creates or replaces the value of `key` (validated by the key's schema; unknown keys take any JSON object).
   * `description` omitted keeps the stored one.
   */
  async upsert<K extends string>(
    key: K,
    value: SystemSettingValueOf<K>,
    description?: string | null,
  ): Promise<TypedSystemSetting<K>> {
    const input = parseInput(ENTITY, UpsertSystemSettingSchema, { key, value, description });
    const [row] = await write((db) =>
      db
        .insert(systemSettings)
        .values(input)
        .onConflictDoUpdate({
          target: systemSettings.key,
          set: {
            value: sql`excluded.value`,
            description:
              input.description === undefined ? sql`${systemSettings.description}` : sql`excluded.description`,
          },
        })
        .returning(),
    );
    return row as TypedSystemSetting<K>;
  },

  async delete(key: string): Promise<SystemSetting> {
    const settingKey = parseKey(key);
    const [row] = await write((db) => db.delete(systemSettings).where(eq(systemSettings.key, settingKey)).returning());
    return orNotFound(row, ENTITY, `key=${key}`);
  },

  /**
   * The retention policy per kind, or `{}` when the row is missing or its value malformed (then nothing is pruned;
   * a bad value never throws here, so a prune job degrades to a no-op instead of crashing).
   */
  async getRetentionSettings(): Promise<Partial<RetentionSettings>> {
    const setting = await get(RETENTION_KEY);
    const parsed = RetentionSettingsOnRead.safeParse(setting?.value);
    return parsed.success ? parsed.data : {};
  },
};
