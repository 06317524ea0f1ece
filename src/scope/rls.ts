import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Transaction } from '../client/types.js';
import { ValidationError } from '../errors/classes.js';
import { currentExecutor, isTransaction, withTransaction } from '../client/executor.js';
import { toDatabaseError } from '../errors/sqlstate.js';

/**
 * The JWT claims the RLS policies read (`request.jwt.claims`, as Supabase's PostgREST sets it):
 * `sub` is the user; the user sees the tenants they are a member of (tenant_members), narrowed to `tenant_id` when
 * given (the active tenant). Other claims (iss, exp, email, ...) pass through untouched.
 */
export const RlsClaimsSchema = z.looseObject({
  sub: z.uuid(),
  tenant_id: z.uuid().optional(),
  role: z.literal('authenticated').optional(),
});

export type RlsClaims = z.input<typeof RlsClaimsSchema>;

type RlsRole = 'authenticated' | 'anon';

/**
 * Run `fn` in a transaction as Postgres role `authenticated` with `claims` (or as `anon` when `claims` is null), so
 * row-level security applies to everything `fn` runs: query objects, `db`, raw SQL. Rows of tenants the claims do
 * not grant are invisible, and writing one throws `ForbiddenError`.
 *
 * `claims` must be VERIFIED claims (your auth layer checked the JWT's signature and expiry); this function validates
 * their shape only, it never sees or verifies a token. Passing unverified claims defeats the wall.
 *
 * Nested in another transaction it runs in a savepoint and restores the outer role and claims afterwards (a
 * `SET LOCAL` would otherwise outlive the savepoint until the outer transaction ends).
 */
export async function withRls<T>(claims: RlsClaims | null, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const role: RlsRole = claims === null ? 'anon' : 'authenticated';
  const json = claims === null ? '' : JSON.stringify(parseClaims(claims));
  const nested = isTransaction(currentExecutor());
  try {
    return await withTransaction(async (tx) => {
      const outer = nested ? await currentSettings(tx) : null;
      // set_config('role', ..., true) is SET LOCAL ROLE with a bound parameter (what PostgREST runs).
      await tx.execute(sql`select set_config('request.jwt.claims', ${json}, true), set_config('role', ${role}, true)`);
      const result = await fn(tx);
      if (outer) {
        await tx.execute(
          sql`select set_config('role', ${outer.role}, true), set_config('request.jwt.claims', ${outer.claims}, true)`,
        );
      }
      return result;
    });
  } catch (error) {
    throw toDatabaseError(error);
  }
}

function parseClaims(claims: RlsClaims): z.output<typeof RlsClaimsSchema> {
  const parsed = RlsClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new ValidationError('RlsClaims', parsed.error);
  return parsed.data;
}

async function currentSettings(tx: Transaction): Promise<{ role: string; claims: string }> {
  const result: unknown = await tx.execute(
    sql`select current_setting('role') as role, current_setting('request.jwt.claims', true) as claims`,
  );
  // postgres.js returns the rows as an array, PGlite as `{ rows }`.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    role: string;
    claims: string | null;
  }[];
  return { role: rows[0]!.role, claims: rows[0]!.claims ?? '' };
}
