import { describe, expect, it } from 'vitest';
import * as schema from '../../src/schema/index.ts';
import { factories, seedFactories } from '../../src/testing/factories/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('factories', () => {
  it('are keyed by the export names of tables in the schema', () => {
    for (const key of Object.keys(factories)) expect(schema).toHaveProperty(key);
  });

  it('replay the same values for the same seed', () => {
    seedFactories(42);
    const first = [factories.user.build(), factories.todos.build()];
    seedFactories(42);
    expect([factories.user.build(), factories.todos.build()]).toEqual(first);
    seedFactories(43);
    expect(factories.user.build()).not.toEqual(first[0]);
  });

  it('build real UUIDs and unique emails and slugs across calls', () => {
    const todos = factories.todos.buildMany(20);
    for (const todo of todos) expect(todo.tenantId).toMatch(UUID);
    expect(new Set(factories.user.buildMany(50).map((u) => u.email)).size).toBe(50);
    expect(new Set(factories.tenants.buildMany(50).map((t) => t.slug)).size).toBe(50);
  });

  it.each(Object.keys(factories) as (keyof typeof factories)[])(
    '%s: create() inserts a valid row with its parents',
    async (name) => {
      const factory = factories[name] as { create(): Promise<Record<string, unknown>> };
      const rows = [await factory.create(), await factory.create()];
      expect(rows[0]).not.toEqual(rows[1]);
    },
  );

  it('uses the parents it is given', async () => {
    const tenant = await factories.tenants.create();
    const owner = await factories.user.create();
    const todo = await factories.todos.create({ tenantId: tenant.id, userId: owner.id, title: 'Given' });
    expect(todo).toMatchObject({ tenantId: tenant.id, userId: owner.id, title: 'Given' });
  });
});
