import { DatabaseError } from './classes.js';

// Errors of routing a call to a tenant's own database (docs/tenant-databases.md). They name the tenant, never the
// database's URL.

/**
 * One transaction would span two databases: the shared (control) one and a tenant's own, or two tenants' own.
 * PostgreSQL cannot commit across databases; do such work in two steps, or through the outbox.
 */
export class CrossDatabaseTransactionError extends DatabaseError {
  override name = 'CrossDatabaseTransactionError';
  /** The tenant whose data the refused call was for; undefined for a call on shared-database tables. */
  readonly tenantId: string | undefined;

  constructor(tenantId: string | undefined, transactionOn: string) {
    const call =
      tenantId === undefined ? 'A query on shared-database tables' : `A query on the data of tenant ${tenantId}`;
    super(
      'cross_database',
      `${call} cannot join a transaction open on ${transactionOn}: a transaction stays in one database. Open it ` +
        'inside withTenant(tenantId, …) for tenant data, outside it for shared tables, and link the two by the ' +
        'outbox or in two steps.',
    );
    this.tenantId = tenantId;
  }
}

/**
 * The tenant's data moved to another database while this write was under way, inside a transaction the caller
 * owns (outside one, the query objects retry on the new database themselves). Nothing of it was applied: retry the
 * whole transaction.
 */
export class TenantMovedError extends DatabaseError {
  override name = 'TenantMovedError';
  readonly tenantId: string;
  readonly retryable = true;

  constructor(tenantId: string, options?: { cause?: unknown }) {
    super('tenant_moved', `Tenant ${tenantId} moved to another database during the transaction; retry it.`, options);
    this.tenantId = tenantId;
  }
}

/** A tenant move stopped before switching (nothing changed for the tenant), or refused to start. */
export class TenantMoveError extends DatabaseError {
  override name = 'TenantMoveError';
  readonly tenantId: string;

  constructor(tenantId: string, reason: string, options?: { cause?: unknown }) {
    super('move_failed', `Moving tenant ${tenantId}: ${reason}`, options);
    this.tenantId = tenantId;
  }
}
