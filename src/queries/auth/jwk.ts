import { eq, getTableColumns, gt, isNull, or, sql } from 'drizzle-orm';
import { CreateJwkSchema, type CreateJwk, type Jwk, type PublicJwk } from '../../dto/auth/jwk.js';
import { jwks } from '../../schema/tables/auth/jwk.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { getByIdFrom } from '../_lib/not-found.js';
import { parsePage, type PageRequest } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput } from '../_lib/validate.js';

// Key pairs of the JWT plugin. Keys are rotated by adding a row; the newest unexpired one signs.

const ENTITY = 'Jwk';

const { privateKey: _privateKey, ...publicColumns } = getTableColumns(jwks);

const unexpired = () => or(isNull(jwks.expiresAt), gt(jwks.expiresAt, sql`now()`));

async function findById(id: string): Promise<Jwk | null> {
  const keyId = parseId(ENTITY, id);
  const rows = await read((db) => db.select().from(jwks).where(eq(jwks.id, keyId)).limit(1));
  return rows[0] ?? null;
}

export const JwkQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  async create(input: CreateJwk): Promise<Jwk> {
    const values = parseInput(ENTITY, CreateJwkSchema, input);
    const [row] = await write((db) => db.insert(jwks).values(values).returning());
    return row!;
  },

  /** The signing key: the newest key that has not expired, or null when a new one must be created. */
  async latest(): Promise<Jwk | null> {
    const rows = await read((db) =>
      db
        .select()
        .from(jwks)
        .where(unexpired())
        .orderBy(...newestFirst(jwks))
        .limit(1),
    );
    return rows[0] ?? null;
  },

  /** Every key, newest first and without private halves (expired ones included: tokens they signed may still verify). */
  async list(input: PageRequest = {}): Promise<Page<PublicJwk>> {
    const { limit, position } = parsePage(ENTITY, { limit: input.limit, cursor: input.cursor });
    const rows = await read((db) =>
      db
        .select(publicColumns)
        .from(jwks)
        .where(afterCursor(jwks, position))
        .orderBy(...newestFirst(jwks))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },
};
