import type { User } from '../dto/auth/user.js';
import type { Tenant } from '../dto/tenant/tenant.js';
import type { DemoTenantSpec } from './demo-data.js';

/** A seeded tenant and its people, handed from one domain's seed to the next. */
export interface SeededTenant {
  spec: DemoTenantSpec;
  tenant: Tenant;
  owner: User;
  admins: User[];
  members: User[];
  /** Everyone in the tenant: owner, admins, members and the invitee who accepted. */
  everyone: User[];
  /**
   * Work items the features seed wrote (empty without that domain); the notification and outbox seeds refer to
   * them. Typed here, not imported from features, so `pnpm db:remove features` leaves the other seeds whole.
   */
  todos: SeededWorkItem[];
}

export interface SeededWorkItem {
  id: string;
  userId: string;
  title: string;
  completed: boolean;
}

/** Rows written per table (SQL table name), as printed on the domain's progress line. */
export type TableCounts = Record<string, number>;

/** Query objects that never throw (activity and audit logs) return null on failure; a seed must not lose rows. */
export function written<T>(row: T | null, what: string): T {
  if (row === null) throw new Error(`seed: ${what} was not written (see the error logged above)`);
  return row;
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
export const utcDay = (date: Date) => date.toISOString().slice(0, 10);
