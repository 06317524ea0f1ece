import { systemSettings } from '../../../schema/tables/system/system-setting.js';
import { defineFactory, fake } from '../_factory.js';

/** A setting under an unknown (so free-form) snake_case key, unique per call. */
export const createSystemSettingFactory = () =>
  defineFactory({
    build: (): typeof systemSettings.$inferInsert => ({
      key: `${fake.word()}_${fake.pick(['limits', 'flags', 'defaults'])}_${fake.sequence()}`,
      value: { enabled: fake.bool(), limit: fake.int(1, 100) },
      description: fake.bool() ? `Demo ${fake.words(2)} setting` : null,
    }),
    insert: async (db, input) => (await db.insert(systemSettings).values(input).returning())[0]!,
  });
