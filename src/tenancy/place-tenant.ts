import { runWithExecutor, sharedExecutor } from '../client/executor.js';
import { env } from '../config/env.js';
import type { TenantDatabase } from '../dto/tenant/tenant-database.js';
import { TenantDatabaseQueries } from '../queries/tenant/tenant-database.js';
import { parseId } from '../queries/_lib/validate.js';
import { encryptUrl, parseKeyRing, type KeyRing } from './encryption.js';
import { anchorTenant, prepareTenantDatabase } from './prepare-database.js';
import { useDatabaseAt } from './router.js';

export interface PlaceTenantOptions {
  /** Default: DATABASE_ENCRYPTION_KEY. */
  keyRing?: KeyRing;
}

/**
 * Give a tenant with no data yet (at signup, say) its own database at `url` (postgres:// or pglite://): migrates
 * and prepares that database, anchors the tenant there, and records the URL sealed. A tenant that has data moves
 * with `moveTenant` instead, which copies it.
 */
export async function placeTenant(
  tenantId: string,
  url: string,
  options: PlaceTenantOptions = {},
): Promise<TenantDatabase> {
  const id = parseId('TenantDatabase', tenantId, 'tenantId');
  const keyRing = options.keyRing ?? envKeyRing();
  const encryptedUrl = encryptUrl(keyRing, id, url);
  const shared = sharedExecutor();
  await useDatabaseAt(url, async (handle) => {
    await prepareTenantDatabase(url, handle);
    await anchorTenant(shared as never, handle.db, id);
  });
  return runWithExecutor(shared, () =>
    TenantDatabaseQueries.place(id, { encryptedUrl, keyId: keyRing?.primaryKeyId ?? '' }),
  );
}

export function envKeyRing(): KeyRing | undefined {
  const text = env().DATABASE_ENCRYPTION_KEY;
  return text === undefined ? undefined : parseKeyRing(text);
}
