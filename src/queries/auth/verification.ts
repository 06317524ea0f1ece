import { and, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import {
  CreateVerificationSchema,
  VerificationIdentifierSchema,
  type CreateVerification,
  type Verification,
} from '../../dto/auth/verification.js';
import { verification } from '../../schema/tables/auth/verification.js';
import { getByIdFrom } from '../_lib/not-found.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput } from '../_lib/validate.js';

// Short-lived values (email verification, password reset, OTPs) under an identifier. A value is live until
// expires_at (the database clock); `consume` hands it out once.

const ENTITY = 'Verification';

const live = () => gt(verification.expiresAt, sql`now()`);

function newestLive(identifier: string) {
  return and(eq(verification.identifier, identifier), live());
}

async function findById(id: string): Promise<Verification | null> {
  const verificationId = parseId(ENTITY, id);
  const rows = await read((db) => db.select().from(verification).where(eq(verification.id, verificationId)).limit(1));
  return rows[0] ?? null;
}

export const VerificationQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  async create(input: CreateVerification): Promise<Verification> {
    const values = parseInput(ENTITY, CreateVerificationSchema, input);
    const [row] = await write((db) => db.insert(verification).values(values).returning());
    return row!;
  },

  /** The newest live value under `identifier`, or null (none, or all expired). Does not consume it. */
  async findValue(identifier: string): Promise<Verification | null> {
    const key = parseInput(ENTITY, VerificationIdentifierSchema, { identifier }).identifier;
    const rows = await read((db) =>
      db
        .select()
        .from(verification)
        .where(newestLive(key))
        .orderBy(desc(verification.createdAt), desc(verification.id))
        .limit(1),
    );
    return rows[0] ?? null;
  },

  /**
   * Deletes and returns the newest live value under `identifier`: a token is redeemed once. Of two concurrent calls
   * one gets the row; the other blocks on its row lock, re-checks, finds it gone, and gets null.
   */
  async consume(identifier: string): Promise<Verification | null> {
    const key = parseInput(ENTITY, VerificationIdentifierSchema, { identifier }).identifier;
    const [row] = await write((db) =>
      db
        .delete(verification)
        .where(
          inArray(
            verification.id,
            db
              .select({ id: verification.id })
              .from(verification)
              .where(newestLive(key))
              .orderBy(desc(verification.createdAt), desc(verification.id))
              .limit(1),
          ),
        )
        .returning(),
    );
    return row ?? null;
  },

  /** Cleanup job: deletes expired values (served by verification_expires_at_idx); returns how many. */
  async deleteExpired(): Promise<number> {
    const rows = await write((db) =>
      db
        .delete(verification)
        .where(lte(verification.expiresAt, sql`now()`))
        .returning({ id: verification.id }),
    );
    return rows.length;
  },
};
