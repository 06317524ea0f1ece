import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { TodoSchema, type Todo } from '../../src/dto/features/todo.js';
import { ForeignKeyError, MissingTenantError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { withTransaction } from '../../src/client/executor.js';
import { TodoQueries } from '../../src/queries/features/todo.js';
import { type todos } from '../../src/schema/tables/features/todo.js';
import { withTenant } from '../../src/scope/tenant.js';
import { factories } from '../../src/testing/index.js';

let tenantId: string;
let userId: string;
const scope = () => ({ tenantId });

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
  userId = (await factories.user.create()).id;
});

describe('TodoQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<Todo>().toEqualTypeOf<typeof todos.$inferSelect>();
  });

  it('create trims, defaults and returns the row DTO', async () => {
    const todo = await TodoQueries.create({ userId, title: '  Ship it  ' }, scope());
    expect(todo).toMatchObject({
      tenantId,
      userId,
      title: 'Ship it',
      completed: false,
      description: null,
      deletedAt: null,
    });
    expect(TodoSchema.parse(todo)).toEqual(todo);
    expect(todo.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7 from the app
  });

  it('create coerces an ISO date string for dueAt', async () => {
    const todo = await TodoQueries.create(
      { userId, title: 'Due', dueAt: '2030-01-02T03:04:05.678Z' as never },
      scope(),
    );
    expect(todo.dueAt).toEqual(new Date('2030-01-02T03:04:05.678Z'));
  });

  it('create rejects bad input with the field names, before any SQL', async () => {
    const before = await TodoQueries.list({}, scope());
    const error = await TodoQueries.create({ userId: 'nope', title: '   ', extra: 1 } as never, scope()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'title', 'userId']);
    expect((await TodoQueries.list({}, scope())).items).toEqual(before.items);
  });

  it('create with an unknown user is a ForeignKeyError, not a driver error', async () => {
    await expect(TodoQueries.create({ userId: randomUUID(), title: 'x' }, scope())).rejects.toBeInstanceOf(
      ForeignKeyError,
    );
    // the savepoint kept the surrounding transaction usable
    await expect(TodoQueries.create({ userId, title: 'after' }, scope())).resolves.toMatchObject({ title: 'after' });
  });

  it('findById / getById return the row, null / NotFoundError when absent', async () => {
    const todo = await TodoQueries.create({ userId, title: 'Find me' }, scope());
    expect(await TodoQueries.findById(todo.id, scope())).toEqual(todo);
    expect(await TodoQueries.getById(todo.id, scope())).toEqual(todo);
    const missing = randomUUID();
    expect(await TodoQueries.findById(missing, scope())).toBeNull();
    await expect(TodoQueries.getById(missing, scope())).rejects.toBeInstanceOf(NotFoundError);
    await expect(TodoQueries.findById('not-a-uuid', scope())).rejects.toBeInstanceOf(ValidationError);
  });

  it("never reads another tenant's todo", async () => {
    const todo = await TodoQueries.create({ userId, title: 'Mine' }, scope());
    const other = (await factories.tenants.create()).id;
    expect(await TodoQueries.findById(todo.id, { tenantId: other })).toBeNull();
    expect((await TodoQueries.list({}, { tenantId: other })).items).toEqual([]);
    await expect(TodoQueries.update(todo.id, { title: 'Theirs' }, { tenantId: other })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(TodoQueries.delete(todo.id, { tenantId: other })).rejects.toBeInstanceOf(NotFoundError);
    expect((await TodoQueries.getById(todo.id, scope())).title).toBe('Mine');
  });

  it('takes the tenant from withTenant, and refuses to run without one', async () => {
    const todo = await withTenant(tenantId, () => TodoQueries.create({ userId, title: 'Ambient' }));
    expect(await withTenant(tenantId, () => TodoQueries.findById(todo.id))).toEqual(todo);
    await expect(TodoQueries.findById(todo.id)).rejects.toBeInstanceOf(MissingTenantError);
  });

  it('update changes only the given fields and moves updated_at', async () => {
    const todo = await TodoQueries.create({ userId, title: 'Before', description: 'keep' }, scope());
    const updated = await TodoQueries.update(todo.id, { title: 'After', completed: true }, scope());
    expect(updated).toMatchObject({ title: 'After', completed: true, description: 'keep' });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(todo.updatedAt.getTime());
    await expect(TodoQueries.update(todo.id, { title: '' }, scope())).rejects.toBeInstanceOf(ValidationError);
    await expect(TodoQueries.update(randomUUID(), { title: 'x' }, scope())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('softDelete hides the todo from every read; restore brings it back; delete removes it', async () => {
    const todo = await TodoQueries.create({ userId, title: 'Temporary' }, scope());
    await TodoQueries.softDelete(todo.id, scope());
    expect(await TodoQueries.findById(todo.id, scope())).toBeNull();
    expect((await TodoQueries.list({}, scope())).items).toEqual([]);
    expect((await TodoQueries.findById(todo.id, { ...scope(), withDeleted: true }))?.deletedAt).toBeInstanceOf(Date);
    expect((await TodoQueries.list({}, { ...scope(), withDeleted: true })).items).toHaveLength(1);
    await expect(TodoQueries.update(todo.id, { title: 'x' }, scope())).rejects.toBeInstanceOf(NotFoundError);
    await TodoQueries.restore(todo.id, scope());
    expect((await TodoQueries.getById(todo.id, scope())).deletedAt).toBeNull();
    await TodoQueries.delete(todo.id, scope());
    expect(await TodoQueries.findById(todo.id, { ...scope(), withDeleted: true })).toBeNull();
    await expect(TodoQueries.delete(todo.id, scope())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('list pages newest first with a cursor and filters', async () => {
    const created: Todo[] = [];
    for (let i = 0; i < 7; i++) {
      created.push(await TodoQueries.create({ userId, title: `Todo ${i}`, completed: i % 2 === 0 }, scope()));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await TodoQueries.list({ limit: 3, cursor }, scope());
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((t) => t.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const newestFirst = [...created]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((t) => t.title);
    expect(seen).toEqual(newestFirst);

    const done = await TodoQueries.list({ filter: { completed: true } }, scope());
    expect(done.items.map((t) => t.title).sort()).toEqual(['Todo 0', 'Todo 2', 'Todo 4', 'Todo 6']);
    await expect(TodoQueries.list({ cursor: 'garbage' }, scope())).rejects.toBeInstanceOf(ValidationError);
    const yearZero = Buffer.from(`0000-01-01T00:00:00.000Z|${randomUUID()}`).toString('base64url');
    await expect(TodoQueries.list({ cursor: yearZero }, scope())).rejects.toBeInstanceOf(ValidationError);
    await expect(TodoQueries.list({ limit: 0 }, scope())).rejects.toBeInstanceOf(ValidationError);
  });

  it('joins withTransaction, and a thrown error rolls back every write in it', async () => {
    await expect(
      withTransaction(async () => {
        await TodoQueries.create({ userId, title: 'Doomed' }, scope());
        await withTransaction(() => TodoQueries.create({ userId, title: 'Nested doomed' }, scope()));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await TodoQueries.list({}, scope())).items).toEqual([]);

    const kept = await withTransaction(async () => {
      const outer = await TodoQueries.create({ userId, title: 'Kept' }, scope());
      await withTransaction(async () => {
        await TodoQueries.create({ userId, title: 'Inner rolled back' }, scope());
        throw new Error('inner');
      }).catch(() => {});
      return outer;
    });
    expect((await TodoQueries.list({}, scope())).items.map((t) => t.id)).toEqual([kept.id]);
  });
  it('createMany validates all inputs first, inserts in chunks, and is all or none', async () => {
    const inputs = Array.from({ length: 7 }, (_, i) => ({ userId, title: ` Bulk ${i} ` }));
    expect(await TodoQueries.createMany(inputs, { ...scope(), chunkSize: 3 })).toBe(7);
    const page = await TodoQueries.list({ limit: 20 }, scope());
    expect(page.items.map((t) => t.title).sort()).toEqual(inputs.map((_, i) => `Bulk ${i}`).sort());
    expect(await TodoQueries.createMany([], scope())).toBe(0);

    const invalid = await TodoQueries.createMany(
      [
        { userId, title: 'ok' },
        { userId, title: '  ' },
      ],
      scope(),
    ).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).fields).toEqual(['1.title']);

    // A failing chunk (unknown user in the second one) rolls back the chunks already inserted.
    const mixed = [
      { userId, title: 'a' },
      { userId, title: 'b' },
      { userId: randomUUID(), title: 'c' },
    ];
    await expect(TodoQueries.createMany(mixed, { ...scope(), chunkSize: 2 })).rejects.toBeInstanceOf(ForeignKeyError);
    expect((await TodoQueries.list({ limit: 20 }, scope())).items).toHaveLength(7);
    await expect(TodoQueries.createMany(inputs)).rejects.toBeInstanceOf(MissingTenantError);
  });
});
