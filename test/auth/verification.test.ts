import { randomUUID } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { VerificationSchema, type Verification } from '../../src/dto/auth/verification.js';
import { NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { runWithExecutor } from '../../src/client/executor.js';
import { VerificationQueries } from '../../src/queries/auth/verification.js';
import { type verification } from '../../src/schema/tables/auth/verification.js';
import { factories, fromNow, isolatedDatabase } from '../../src/testing/index.js';

const identifier = () => `reset-password:${randomUUID()}`;

describe('VerificationQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<Verification>().toEqualTypeOf<typeof verification.$inferSelect>();
  });

  it('create stores a value under an identifier', async () => {
    const key = identifier();
    const created = await VerificationQueries.create({
      identifier: key,
      value: 'user-id-1',
      expiresAt: fromNow(1 / 24),
    });
    expect(created).toMatchObject({ identifier: key, value: 'user-id-1' });
    expect(VerificationSchema.parse(created)).toEqual(created);
    expect(await VerificationQueries.getById(created.id)).toEqual(created);
    expect(await VerificationQueries.findById(randomUUID())).toBeNull();
    await expect(VerificationQueries.getById(randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('create rejects an expired value, an empty identifier and unknown keys, before any SQL', async () => {
    const error = await VerificationQueries.create({
      identifier: ' ',
      value: '',
      expiresAt: fromNow(-1 / 24),
      id: randomUUID(),
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.sort()).toEqual(['(root)', 'expiresAt', 'identifier', 'value']);
  });

  it('findValue returns the newest live value and ignores expired ones', async () => {
    const key = identifier();
    await factories.verification.create({ identifier: key, value: 'old', createdAt: new Date(Date.now() - 60_000) });
    const newest = await factories.verification.create({ identifier: key, value: 'new' });
    await factories.verification.create({
      identifier: key,
      value: 'expired',
      expiresAt: fromNow(-1 / 24),
      createdAt: fromNow(1 / 24),
    });
    expect(await VerificationQueries.findValue(key)).toEqual(newest);
    expect(await VerificationQueries.findValue(identifier())).toBeNull();
    await expect(VerificationQueries.findValue('')).rejects.toBeInstanceOf(ValidationError);
  });

  it('consume deletes and returns the live value once; expired values are never consumed', async () => {
    const key = identifier();
    const row = await factories.verification.create({ identifier: key });
    expect(await VerificationQueries.consume(key)).toEqual(row);
    expect(await VerificationQueries.consume(key)).toBeNull();
    expect(await VerificationQueries.findById(row.id)).toBeNull();

    const expired = await factories.verification.create({ identifier: key, expiresAt: fromNow(-1 / 24) });
    expect(await VerificationQueries.consume(key)).toBeNull();
    expect(await VerificationQueries.findById(expired.id)).toEqual(expired);
  });

  it('deleteExpired removes expired values only', async () => {
    const live = await factories.verification.create();
    const expired = await factories.verification.create({ expiresAt: fromNow(-1 / 24) });
    expect(await VerificationQueries.deleteExpired()).toBe(1);
    expect(await VerificationQueries.findById(expired.id)).toBeNull();
    expect(await VerificationQueries.findById(live.id)).toEqual(live);
  });

  it('two concurrent consumers of one token: exactly one gets it (committed, own database)', async () => {
    const handle = await isolatedDatabase();
    try {
      await runWithExecutor(handle.db, async () => {
        for (let round = 0; round < 3; round++) {
          const key = identifier();
          const row = await VerificationQueries.create({
            identifier: key,
            value: `v${round}`,
            expiresAt: fromNow(1 / 24),
          });
          const results = await Promise.all([VerificationQueries.consume(key), VerificationQueries.consume(key)]);
          expect(results.filter((r) => r !== null).map((r) => r!.id)).toEqual([row.id]);
          expect(await VerificationQueries.findValue(key)).toBeNull();
        }
      });
    } finally {
      await handle.close();
    }
  });
});
