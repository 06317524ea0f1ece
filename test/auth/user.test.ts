import { randomUUID } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { UserSchema, type User } from '../../src/dto/auth/user.js';
import { ConflictError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { SessionQueries } from '../../src/queries/auth/session.js';
import { UserQueries } from '../../src/queries/auth/user.js';
import { type user } from '../../src/schema/tables/auth/user.js';
import { factories } from '../../src/testing/index.js';

const newEmail = () => `grace-${randomUUID()}@example.com`;

describe('UserQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<User>().toEqualTypeOf<typeof user.$inferSelect>();
  });

  it('create trims the name, lower-cases the email and returns the row DTO', async () => {
    const email = newEmail();
    const created = await UserQueries.create({ name: '  Grace Hopper ', email: `  ${email.toUpperCase()} ` });
    expect(created).toMatchObject({ name: 'Grace Hopper', email, emailVerified: false, image: null });
    expect(UserSchema.parse(created)).toEqual(created);
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('create rejects bad input with the field names, before any SQL', async () => {
    const error = await UserQueries.create({
      name: ' ',
      email: 'not-an-email',
      image: 'javascript:alert(1)',
      id: randomUUID(),
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'email', 'image', 'name']);
  });

  it('create with a taken email, in any case, is a ConflictError', async () => {
    const email = newEmail();
    await UserQueries.create({ name: 'First', email });
    const error = await UserQueries.create({ name: 'Second', email: email.toUpperCase() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe('user_email_unique');
  });

  it('findById / getById return the row, null / NotFoundError when absent', async () => {
    const created = await UserQueries.create({ name: 'Find me', email: newEmail() });
    expect(await UserQueries.findById(created.id)).toEqual(created);
    expect(await UserQueries.getById(created.id)).toEqual(created);
    expect(await UserQueries.findById(randomUUID())).toBeNull();
    await expect(UserQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(UserQueries.findById('nope')).rejects.toBeInstanceOf(ValidationError);
  });

  it('findByEmail matches whatever case the caller typed', async () => {
    const email = newEmail();
    const created = await UserQueries.create({ name: 'Case', email });
    expect(await UserQueries.findByEmail(`  ${email.toUpperCase()}`)).toEqual(created);
    expect(await UserQueries.findByEmail(newEmail())).toBeNull();
    await expect(UserQueries.findByEmail('nope')).rejects.toBeInstanceOf(ValidationError);
  });

  it('update changes name, image and emailVerified, not email; moves updated_at', async () => {
    const created = await UserQueries.create({ name: 'Before', email: newEmail() });
    const image = 'https://example.com/a.png';
    const updated = await UserQueries.update(created.id, { name: 'After', image, emailVerified: true });
    expect(updated).toMatchObject({ name: 'After', image, emailVerified: true, email: created.email });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
    await expect(UserQueries.update(created.id, { email: newEmail() } as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(UserQueries.update(created.id, { name: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(UserQueries.update(randomUUID(), { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await UserQueries.update(created.id, {})).toEqual(updated);
  });

  it('delete removes the user and, by cascade, their sessions', async () => {
    const created = await UserQueries.create({ name: 'Gone', email: newEmail() });
    await factories.session.create({ userId: created.id });
    expect((await UserQueries.delete(created.id)).id).toBe(created.id);
    expect(await UserQueries.findById(created.id)).toBeNull();
    expect(await SessionQueries.listForUser(created.id, { includeExpired: true })).toEqual([]);
    await expect(UserQueries.delete(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('list pages newest first with a cursor, and filters by emailVerified', async () => {
    const created: User[] = [];
    for (let i = 0; i < 5; i++) {
      created.push(await UserQueries.create({ name: `User ${i}`, email: newEmail(), emailVerified: i % 2 === 0 }));
    }
    const mine = new Set(created.map((u) => u.id));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await UserQueries.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.id).filter((id) => mine.has(id)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const newestFirst = [...created]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((u) => u.id);
    expect(seen).toEqual(newestFirst);

    const verified = await UserQueries.list({ filter: { emailVerified: true }, limit: 200 });
    expect(verified.items.every((u) => u.emailVerified)).toBe(true);
    expect(
      verified.items
        .filter((u) => mine.has(u.id))
        .map((u) => u.name)
        .sort(),
    ).toEqual(['User 0', 'User 2', 'User 4']);
    await expect(UserQueries.list({ cursor: 'garbage' })).rejects.toBeInstanceOf(ValidationError);
    await expect(UserQueries.list({ filter: { emailVerified: 'yes' } as never })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
