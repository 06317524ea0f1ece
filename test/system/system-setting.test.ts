import { eq, sql } from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { db } from '../../src/client/db.js';
import {
  SystemSettingSchema,
  type RetentionSettings,
  type SystemSetting,
} from '../../src/dto/system/system-setting.js';
import { NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { SystemSettingQueries } from '../../src/queries/system/system-setting.js';
import { systemSettings } from '../../src/schema/tables/system/system-setting.js';

const DEFAULTS: RetentionSettings = {
  audit_events: { enabled: true, retention_days: 90 },
  invitations: { enabled: true, retention_days: 180 },
  domain_events: { enabled: true, retention_days: 30 },
};

const overwriteRetentionRaw = (json: string) =>
  db.execute(sql`update system_settings set value = ${json}::jsonb where key = 'retention_settings'`);

describe('SystemSettingQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<SystemSetting>().toEqualTypeOf<typeof systemSettings.$inferSelect>();
  });

  it('get returns the seeded retention settings, null for an unknown key, ValidationError for a bad key', async () => {
    const setting = await SystemSettingQueries.get('retention_settings');
    expect(setting?.value).toEqual(DEFAULTS);
    expectTypeOf(setting!.value).toEqualTypeOf<RetentionSettings>();
    expect(SystemSettingSchema.parse(setting)).toEqual(setting);
    expect(await SystemSettingQueries.get('missing_key')).toBeNull();
    await expect(SystemSettingQueries.getOrThrow('missing_key')).rejects.toBeInstanceOf(NotFoundError);
    await expect(SystemSettingQueries.get('Bad Key')).rejects.toBeInstanceOf(ValidationError);
  });

  it('upsert validates a known key by its own schema', async () => {
    const error = await SystemSettingQueries.upsert('retention_settings', {
      ...DEFAULTS,
      audit_events: { enabled: true, retention_days: 0 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['value.audit_events.retention_days']);
    await expect(
      SystemSettingQueries.upsert('retention_settings', { audit_events: DEFAULTS.audit_events } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      SystemSettingQueries.upsert('retention_settings', { ...DEFAULTS, typo_kind: DEFAULTS.invitations } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await SystemSettingQueries.get('retention_settings'))?.value).toEqual(DEFAULTS);

    const changed = { ...DEFAULTS, domain_events: { enabled: false, retention_days: 7 } };
    const saved = await SystemSettingQueries.upsert('retention_settings', changed);
    expect(saved.value).toEqual(changed);
    expect(saved.description).toMatch(/retained|kept/); // description kept when omitted
  });

  it('upsert takes any JSON object for an unknown key, creates then replaces, moves updated_at', async () => {
    const created = await SystemSettingQueries.upsert('feature_flags', { beta: true }, 'Flags');
    expect(created).toMatchObject({ key: 'feature_flags', value: { beta: true }, description: 'Flags' });
    const replaced = await SystemSettingQueries.upsert('feature_flags', { beta: false, nested: { a: [1] } });
    expect(replaced).toMatchObject({ value: { beta: false, nested: { a: [1] } }, description: 'Flags' });
    expect(replaced.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
    expect((await SystemSettingQueries.upsert('feature_flags', { beta: true }, null)).description).toBeNull();
    await expect(SystemSettingQueries.upsert('feature_flags', [1] as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(SystemSettingQueries.upsert('Feature Flags', {})).rejects.toBeInstanceOf(ValidationError);
  });

  it('list returns every setting by key; delete removes one, NotFoundError the second time', async () => {
    await SystemSettingQueries.upsert('a_setting', { x: 1 });
    expect((await SystemSettingQueries.list()).map((s) => s.key)).toEqual(['a_setting', 'retention_settings']);
    expect((await SystemSettingQueries.delete('a_setting')).key).toBe('a_setting');
    await expect(SystemSettingQueries.delete('a_setting')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('getRetentionSettings: typed policies; {} when missing or malformed, never throwing', async () => {
    expect(await SystemSettingQueries.getRetentionSettings()).toEqual(DEFAULTS);
    await overwriteRetentionRaw('{"audit_events": {"enabled": "yes"}}');
    expect(await SystemSettingQueries.getRetentionSettings()).toEqual({});
    await overwriteRetentionRaw('{"unrelated": 1}');
    expect(await SystemSettingQueries.getRetentionSettings()).toEqual({});
    // a kind added by a newer version does not make the known ones unreadable
    await overwriteRetentionRaw(JSON.stringify({ ...DEFAULTS, sessions: { enabled: true, retention_days: 1 } }));
    expect(await SystemSettingQueries.getRetentionSettings()).toEqual(DEFAULTS);
    await db.delete(systemSettings).where(eq(systemSettings.key, 'retention_settings'));
    expect(await SystemSettingQueries.getRetentionSettings()).toEqual({});
  });
});
