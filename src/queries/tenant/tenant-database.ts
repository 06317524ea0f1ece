import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TenantDatabase } from '../../dto/tenant/tenant-database.js';
import { tenantDatabases } from '../../schema/tables/tenant/tenant-database.js';
import { orNotFound } from '../_lib/not-found.js';
import { preparedPerExecutor } from '../_lib/prepared.js';
import { read, write } from '../_lib/run.js';
import { parseId, parseInput } from '../_lib/validate.js';

// Placements live in the control database only: these are control queries (no tenant scope routes them), and the
// tenant is an argument. The URL arrives and leaves sealed; src/tenancy/ encrypts and decrypts it.

const ENTITY = 'TenantDatabase';

/** What the router reads: the sealed URL with its key id and the placement's version. */
export interface SealedPlacement {
  tenantId: string;
  encryptedUrl: string;
  keyId: string;
  version: number;
}

const SealedUrlSchema = z
  .object({
    encryptedUrl: z.string().min(1),
    keyId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  })
  .strict();

const visibleColumns = {
  tenantId: tenantDatabases.tenantId,
  keyId: tenantDatabases.keyId,
  version: tenantDatabases.version,
  createdAt: tenantDatabases.createdAt,
  updatedAt: tenantDatabases.updatedAt,
};
const sealedColumns = {
  tenantId: tenantDatabases.tenantId,
  encryptedUrl: tenantDatabases.encryptedUrl,
  keyId: tenantDatabases.keyId,
  version: tenantDatabases.version,
};

const findSealed = preparedPerExecutor((db) =>
  db
    .select(sealedColumns)
    .from(tenantDatabases)
    .where(eq(tenantDatabases.tenantId, sql.param(sql.placeholder('tenantId'), tenantDatabases.tenantId)))
    .limit(1)
    .prepare('tenant_databases_find_sealed'),
);

async function findByTenantId(tenantId: string): Promise<TenantDatabase | null> {
  const id = parseId(ENTITY, tenantId, 'tenantId');
  const rows = await read((db) =>
    db.select(visibleColumns).from(tenantDatabases).where(eq(tenantDatabases.tenantId, id)).limit(1),
  );
  return rows[0] ?? null;
}

export const TenantDatabaseQueries = {
  findByTenantId,

  async getByTenantId(tenantId: string): Promise<TenantDatabase> {
    return orNotFound(await findByTenantId(tenantId), ENTITY, `tenantId=${tenantId}`);
  },

  /** The sealed placement of a tenant, or null when it lives in the shared database. */
  async findSealed(tenantId: string): Promise<SealedPlacement | null> {
    const id = parseId(ENTITY, tenantId, 'tenantId');
    const rows = await read((db) => findSealed(db).execute({ tenantId: id }));
    return rows[0] ?? null;
  },

  /** Every placed tenant, for `db:migrate` and the operations scripts (a few thousand rows at most). */
  async listSealed(): Promise<SealedPlacement[]> {
    return read((db) => db.select(sealedColumns).from(tenantDatabases).orderBy(tenantDatabases.tenantId));
  },

  /** Place the tenant (or re-place it): the version goes up by one on every switch. */
  async place(tenantId: string, sealed: { encryptedUrl: string; keyId: string }): Promise<TenantDatabase> {
    const id = parseId(ENTITY, tenantId, 'tenantId');
    const values = parseInput(ENTITY, SealedUrlSchema, sealed);
    const [row] = await write((db) =>
      db
        .insert(tenantDatabases)
        .values({ tenantId: id, ...values })
        .onConflictDoUpdate({
          target: tenantDatabases.tenantId,
          set: { ...values, version: sql`${tenantDatabases.version} + 1` },
        })
        .returning(visibleColumns),
    );
    return row!;
  },

  /** Back to the shared database; returns whether the tenant was placed. */
  async unplace(tenantId: string): Promise<boolean> {
    const id = parseId(ENTITY, tenantId, 'tenantId');
    const rows = await write((db) =>
      db
        .delete(tenantDatabases)
        .where(eq(tenantDatabases.tenantId, id))
        .returning({ tenantId: tenantDatabases.tenantId }),
    );
    return rows.length > 0;
  },
};
