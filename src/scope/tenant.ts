import { AsyncLocalStorage } from 'node:async_hooks';

// Tenant-scoped query objects take the tenant explicitly ({ tenantId }) or from here, set once per request.

// Process-wide, like the executor state (src/client/executor.ts): one store even if the package is loaded twice.
const storeKey = Symbol.for('database.tenantContext');
const ambientTenant = ((globalThis as { [storeKey]?: AsyncLocalStorage<string> })[storeKey] ??=
  new AsyncLocalStorage<string>());

/** Run `fn` with every tenant-scoped query object scoped to `tenantId` (e.g. from your auth middleware). */
export function withTenant<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
  return ambientTenant.run(tenantId, fn);
}

export function currentTenantId(): string | undefined {
  return ambientTenant.getStore();
}

export interface TenantScope {
  /** Overrides the ambient tenant of `withTenant`. */
  tenantId?: string;
}
