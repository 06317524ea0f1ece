import { and, eq } from 'drizzle-orm';
import { databaseKeyOf, SHARED_DATABASE, tenantRouter } from '../../client/executor.js';
import type { Executor } from '../../client/types.js';
import type { TenantMember } from '../../dto/tenant/tenant-member.js';
import { tenantMembers } from '../../schema/tables/tenant/tenant-member.js';
import { read, write } from '../_lib/run.js';

// With tenant databases, a placed tenant's database holds a copy of its memberships, which RLS reads there
// (src/tenancy/members.ts). The control write decides; these are the second steps of the query objects that change
// memberships. Inside a transaction on the control database they are refused (CrossDatabaseTransactionError).

/** `change` on the placed tenant's own database; nothing for a shared tenant or without tenant databases. */
async function onTenantCopy(tenantId: string, change: (db: Executor) => Promise<unknown>): Promise<void> {
  if (!tenantRouter()) return;
  await write(async (db) => {
    if (databaseKeyOf(db) !== SHARED_DATABASE) await change(db);
  }, tenantId);
}

/** Writes the membership as control now has it into the copy (insert or refresh). */
export function copyMember(member: TenantMember): Promise<void> {
  return onTenantCopy(member.tenantId, (db) =>
    db
      .insert(tenantMembers)
      .values(member)
      .onConflictDoUpdate({
        target: [tenantMembers.tenantId, tenantMembers.userId],
        set: { role: member.role, createdAt: member.createdAt, updatedAt: member.updatedAt },
      }),
  );
}

/** Deletes the membership from the copy: run it before the control delete, so a failure leaves less access. */
export function uncopyMember(tenantId: string, userId: string): Promise<void> {
  return onTenantCopy(tenantId, (db) =>
    db.delete(tenantMembers).where(and(eq(tenantMembers.tenantId, tenantId), eq(tenantMembers.userId, userId))),
  );
}

/**
 * Before the user is deleted (the cascade removes their memberships in control only): deletes the copies of their
 * memberships of placed tenants; returns the memberships, for `copyMember` to put back if the deletion fails.
 */
export async function uncopyMembershipsOf(userId: string): Promise<TenantMember[]> {
  if (!tenantRouter()) return [];
  const memberships = await read((db) => db.select().from(tenantMembers).where(eq(tenantMembers.userId, userId)));
  for (const membership of memberships) await uncopyMember(membership.tenantId, userId);
  return memberships;
}
