import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { rejection } from '../support/db-rejection.js';
import { adminAuditLog } from '../../src/schema/tables/admin/admin-audit-log.js';
import { adminRoles } from '../../src/schema/tables/admin/admin-role.js';
import { adminUsers } from '../../src/schema/tables/admin/admin-user.js';
import { user } from '../../src/schema/tables/auth/user.js';
import { factories } from '../../src/testing/index.js';

describe('admin tables: database rules', () => {
  it('admin_roles.name is unique and permissions default to an empty array', async () => {
    const role = await factories.adminRoles.create({ name: 'support', permissions: undefined });
    expect(role.permissions).toEqual([]);
    expect(await rejection((tx) => tx.insert(adminRoles).values({ name: 'support' }))).toMatch(
      /admin_roles_name_unique/,
    );
  });

  it('a role still held by an admin user cannot be deleted (restrict)', async () => {
    const admin = await factories.adminUsers.create();
    expect(await rejection((tx) => tx.delete(adminRoles).where(eq(adminRoles.id, admin.roleId)))).toMatch(
      /admin_users_role_id_admin_roles_id_fk/,
    );
    await db.delete(adminUsers).where(eq(adminUsers.id, admin.id));
    const deleted = await db.delete(adminRoles).where(eq(adminRoles.id, admin.roleId)).returning();
    expect(deleted).toHaveLength(1);
  });

  it('deleting the user deletes its admin_users row; its audit entries stay with admin_user_id null', async () => {
    const admin = await factories.adminUsers.create();
    const [entry] = await db.insert(adminAuditLog).values({ adminUserId: admin.id, action: 'user.ban' }).returning();
    await db.delete(user).where(eq(user.id, admin.userId));
    expect(await db.select().from(adminUsers).where(eq(adminUsers.id, admin.id))).toEqual([]);
    const [kept] = await db.select().from(adminAuditLog).where(eq(adminAuditLog.id, entry!.id));
    expect(kept).toMatchObject({ action: 'user.ban', adminUserId: null });
  });

  it('one admin_users row per user', async () => {
    const admin = await factories.adminUsers.create();
    expect(
      await rejection((tx) => tx.insert(adminUsers).values({ userId: admin.userId, roleId: admin.roleId })),
    ).toMatch(/admin_users_user_id_unique/);
  });

  it('audit metadata must be a JSON object', async () => {
    expect(
      await rejection((tx) =>
        tx.execute(sql`insert into admin_audit_log (action, metadata) values ('x', '[1]'::jsonb)`),
      ),
    ).toMatch(/admin_audit_log_metadata_object/);
  });

  it('updated_at triggers move admin_roles and admin_users on update', async () => {
    const role = await factories.adminRoles.create();
    const [updatedRole] = await db
      .update(adminRoles)
      .set({ description: 'changed' })
      .where(eq(adminRoles.id, role.id))
      .returning();
    expect(updatedRole!.updatedAt.getTime()).toBeGreaterThan(role.updatedAt.getTime());

    const admin = await factories.adminUsers.create({ userId: (await factories.user.create()).id });
    const [updatedAdmin] = await db
      .update(adminUsers)
      .set({ disabledAt: new Date() })
      .where(eq(adminUsers.id, admin.id))
      .returning();
    expect(updatedAdmin!.updatedAt.getTime()).toBeGreaterThan(admin.updatedAt.getTime());
  });
});
