import { tenants } from '../../../schema/tables/tenant/tenant.js';
import { defineFactory, fake } from '../_factory.js';

export const createTenantFactory = () =>
  defineFactory({
    build: (): typeof tenants.$inferInsert => {
      const word = fake.word();
      return {
        name: `${word[0]!.toUpperCase()}${word.slice(1)} Inc`,
        slug: fake.slug(word),
        customAttributes: { plan: fake.pick(['free', 'pro']) },
      };
    },
    insert: async (db, input) => (await db.insert(tenants).values(input).returning())[0]!,
  });
