import { TenantQueries, TodoQueries, UserQueries, closeDefaultDatabase, withTenant, withTransaction } from 'database';

// Run with tsx against DATABASE_URL (migrated beforehand with `pnpm --filter database db:migrate`).
// Prints one JSON line the workspace check asserts on.

const user = await UserQueries.create({ name: 'Ada', email: 'ada@example.com' });
const { tenant } = await TenantQueries.createWithOwner({ name: 'Acme', slug: 'acme' }, user.id);

await withTenant(tenant.id, async () => {
  await withTransaction(async () => {
    await TodoQueries.create({ userId: user.id, title: 'Ship it' });
    await TodoQueries.create({ userId: user.id, title: 'Next one' });
  });
  await withTransaction(async () => {
    await TodoQueries.create({ userId: user.id, title: 'Rolled back' });
    throw new Error('abort');
  }).catch(() => {});
});

const page = await TodoQueries.list({}, { tenantId: tenant.id });
await closeDefaultDatabase();
console.log(JSON.stringify({ tenantId: tenant.id, titles: page.items.map((todo) => todo.title) }));
