import { randomUUID } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { JwkSchema, PublicJwkSchema, type Jwk } from '../../src/dto/auth/jwk.js';
import { NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { JwkQueries } from '../../src/queries/auth/jwk.js';
import { type jwks } from '../../src/schema/tables/auth/jwk.js';
import { factories, fromNow } from '../../src/testing/index.js';

const keyPair = (n: number) => ({
  publicKey: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: `public-${n}` }),
  privateKey: JSON.stringify({ ciphertext: `sealed-${n}` }),
  alg: 'EdDSA',
  crv: 'Ed25519',
});

describe('JwkQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<Jwk>().toEqualTypeOf<typeof jwks.$inferSelect>();
  });

  it('create stores a key pair; findById / getById read it back', async () => {
    const created = await JwkQueries.create({ ...keyPair(1), expiresAt: fromNow(1 / 24) });
    expect(created).toMatchObject({ alg: 'EdDSA', crv: 'Ed25519' });
    expect(JwkSchema.parse(created)).toEqual(created);
    expect(await JwkQueries.getById(created.id)).toEqual(created);
    expect(await JwkQueries.findById(randomUUID())).toBeNull();
    await expect(JwkQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(JwkQueries.getById('kid-1')).rejects.toBeInstanceOf(ValidationError);
  });

  it('create rejects keys that are not JSON objects, and ids from the caller', async () => {
    const error = await JwkQueries.create({
      ...keyPair(2),
      publicKey: 'not json',
      privateKey: '[1]',
      id: randomUUID(),
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'privateKey', 'publicKey']);
  });

  it('latest is the newest key that has not expired, or null', async () => {
    expect(await JwkQueries.latest()).toBeNull();
    const old = await factories.jwks.create({ createdAt: new Date(Date.now() - 120_000) });
    const current = await factories.jwks.create({
      createdAt: new Date(Date.now() - 60_000),
      expiresAt: fromNow(1 / 24),
    });
    await factories.jwks.create({ createdAt: new Date(), expiresAt: fromNow(-1 / 24) }); // newest, but expired
    expect(await JwkQueries.latest()).toEqual(current);
    expect(old.id).not.toBe(current.id);
  });

  it('list pages newest first, expired keys included, never the private key', async () => {
    const created = [];
    for (let i = 0; i < 3; i++)
      created.push(await factories.jwks.create({ createdAt: new Date(Date.now() - (3 - i) * 1000) }));
    const first = await JwkQueries.list({ limit: 2 });
    expect(first.items.map((k) => k.id)).toEqual([created[2]!.id, created[1]!.id]);
    for (const item of first.items) {
      expect(item).not.toHaveProperty('privateKey');
      expect(PublicJwkSchema.strict().parse(item)).toEqual(item);
    }
    const second = await JwkQueries.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((k) => k.id)).toEqual([created[0]!.id]);
    expect(second.nextCursor).toBeNull();
    await expect(JwkQueries.list({ limit: 500 })).rejects.toBeInstanceOf(ValidationError);
  });
});
