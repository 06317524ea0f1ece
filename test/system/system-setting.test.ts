import { eq, sql } from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { db } from '../../src/client/db.ts';
import {
  SystemSettingSchema,
  type RetentionSettings,
  type SystemSetting,
} from '../../src/dto/system/system-setting.ts';
import { NotFoundError, ValidationError } from '../../src/errors/classes.ts';
import { SystemSettingsQueries } from '../../src/queries/system/system-setting.ts';
import { systemSettings } from '../../src/schema/tables/system/system-setting.ts';

const DEFAULTS: RetentionSettings = {
  audit_events: { enabled: true, retention_days: 90 },
  invitations: { enabled: true, retention_days: 180 },
  domain_events: { enabled: true, retention_days: 30 },
};

const overwriteRetentionRaw = (json: string) =>
  db.execute(sql`update system_settings set value = ${json}::jsonb where key = 'retention_settings'`);

describe('SystemSettingsQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<SystemSetting>().toEqualTypeOf<typeof systemSettings.$inferSelect>();
  });

  it('get returns the seeded retention settings, null for an unknown key, ValidationError for a bad key', async () => {
    const setting = await SystemSettingsQueries.get('retention_settings');
    expect(setting?.value).toEqual(DEFAULTS);
    expectTypeOf(setting!.value).toEqualTypeOf<RetentionSettings>();
    expect(SystemSettingSchema.parse(setting)).toEqual(setting);
    expect(await SystemSettingsQueries.get('missing_key')).toBeNull();
    await expect(SystemSettingsQueries.getOrThrow('missing_key')).rejects.toBeInstanceOf(NotFoundError);
    await expect(SystemSettingsQueries.get('Bad Key')).rejects.toBeInstanceOf(ValidationError);
  });

  it('upsert validates a known key by its own schema', async () => {
    const error = await SystemSettingsQueries.upsert('retention_settings', {
      ...DEFAULTS,
      audit_events: { enabled: true, retention_days: 0 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual(['value.audit_events.retention_days']);
    await expect(
      SystemSettingsQueries.upsert('retention_settings', { audit_events: DEFAULTS.audit_events } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      SystemSettingsQueries.upsert('retention_settings', { ...DEFAULTS, typo_kind: DEFAULTS.invitations } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await SystemSettingsQueries.get('retention_settings'))?.value).toEqual(DEFAULTS);

    const changed = { ...DEFAULTS, domain_events: { enabled: false, retention_days: 7 } };
    const saved = await SystemSettingsQueries.upsert('retention_settings', changed);
    expect(saved.value).toEqual(changed);
    expect(saved.description).toMatch(/retained|kept/); // description kept when omitted
  });

  it('upsert takes any JSON object for an unknown key, creates then replaces, moves updated_at', async () => {
    const created = await SystemSettingsQueries.upsert('feature_flags', { beta: true }, 'Flags');
    expect(created).toMatchObject({ key: 'feature_flags', value: { beta: true }, description: 'Flags' });
    const replaced = await SystemSettingsQueries.upsert('feature_flags', { beta: false, nested: { a: [1] } });
    expect(replaced).toMatchObject({ value: { beta: false, nested: { a: [1] } }, description: 'Flags' });
    expect(replaced.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
    expect((await SystemSettingsQueries.upsert('feature_flags', { beta: true }, null)).description).toBeNull();
    await expect(SystemSettingsQueries.upsert('feature_flags', [1] as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(SystemSettingsQueries.upsert('Feature Flags', {})).rejects.toBeInstanceOf(ValidationError);
  });

  it('list returns every setting by key; delete removes one, NotFoundError the second time', async () => {
    await SystemSettingsQueries.upsert('a_setting', { x: 1 });
    expect((await SystemSettingsQueries.list()).map((s) => s.key)).toEqual(['a_setting', 'retention_settings']);
    expect((await SystemSettingsQueries.delete('a_setting')).key).toBe('a_setting');
    await expect(SystemSettingsQueries.delete('a_setting')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('getRetentionSettings: typed policies; {} when missing or malformed, never throwing', async () => {
    expect(await SystemSettingsQueries.getRetentionSettings()).toEqual(DEFAULTS);
    await overwriteRetentionRaw('{"audit_events": {"enabled": "yes"}}');
    expect(await SystemSettingsQueries.getRetentionSettings()).toEqual({});
    await overwriteRetentionRaw('{"unrelated": 1}');
    expect(await SystemSettingsQueries.getRetentionSettings()).toEqual({});
    // a kind added by a newer version does not make the known ones unreadable
    await overwriteRetentionRaw(JSON.stringify({ ...DEFAULTS, sessions: { enabled: true, retention_days: 1 } }));
    expect(await SystemSettingsQueries.getRetentionSettings()).toEqual(DEFAULTS);
    await db.delete(systemSettings).where(eq(systemSettings.key, 'retention_settings'));
    expect(await SystemSettingsQueries.getRetentionSettings()).toEqual({});
  });
});
