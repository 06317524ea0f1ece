import { encodeCursor } from '../../src/queries/_lib/keyset.js';
import type { BenchDatabase } from './databases.js';

/** The cursor `list()` returns after `depth` rows of the tenant's newest-first order: where the next page starts. */
export async function cursorAfter(database: BenchDatabase, tenantId: string, depth: number): Promise<string> {
  const [before] = await database.query<{ id: string; created_at: Date | string }>(
    `select id, created_at from todos where tenant_id = $1 and deleted_at is null
     order by created_at desc nulls last, id desc nulls last offset $2 limit 1`,
    [tenantId, depth - 1],
  );
  return encodeCursor({ id: before!.id, createdAt: new Date(before!.created_at) });
}
